// The diagnostics of every cross-file unit (a context's checks, a meta file's dependencies, a module's
// entry point, a context's cycles), indexed by the files they land in. Replacing a unit's result
// touches only the files whose diagnostics from that unit changed, so an update costs what it changes,
// not the number of units.
import type { Diagnostic } from './types';

interface UnitResult { byFile: Map<string, Diagnostic[]>; sig: Map<string, string> }

export class UnitStore {
  private units = new Map<string, UnitResult>();
  private fileUnits = new Map<string, Set<string>>();

  clear(): void {
    this.units.clear();
    this.fileUnits.clear();
  }

  /** Replaces a unit's diagnostics and adds to `touched` every file whose share changed. */
  set(unit: string, diags: readonly Diagnostic[], touched: Set<string>): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diags) {
      const list = byFile.get(d.file);
      if (list) list.push(d); else byFile.set(d.file, [d]);
    }
    const old = this.units.get(unit);
    const sig = new Map<string, string>();
    for (const [file, list] of byFile) {
      const s = JSON.stringify(list);
      sig.set(file, s);
      if (old?.sig.get(file) !== s) touched.add(file);
    }
    for (const file of old?.byFile.keys() ?? []) {
      if (byFile.has(file)) continue;
      touched.add(file);
      this.unlink(file, unit);
    }
    for (const file of byFile.keys()) {
      let s = this.fileUnits.get(file);
      if (!s) this.fileUnits.set(file, (s = new Set()));
      s.add(unit);
    }
    if (byFile.size === 0) this.units.delete(unit); else this.units.set(unit, { byFile, sig });
  }

  drop(unit: string, touched: Set<string>): void {
    this.set(unit, [], touched);
  }

  /** Every unit diagnostic in a file, in unit order (the caller sorts). */
  forFile(file: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const unit of this.fileUnits.get(file) ?? []) out.push(...(this.units.get(unit)?.byFile.get(file) ?? []));
    return out;
  }

  private unlink(file: string, unit: string): void {
    const s = this.fileUnits.get(file);
    s?.delete(unit);
    if (s?.size === 0) this.fileUnits.delete(file);
  }
}
