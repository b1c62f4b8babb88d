// Turns the diagnostics of every unit into per-file lists and reports the files whose list changed.
// A unit's diagnostics are split by the file they land in; replacing a unit's result touches only the
// files whose share changed. It decides nothing about what an edit affects — the database does.
import type { Diagnostic, Range } from '../types';
import { sameData } from '../util/equality';

interface UnitShare {
  byFile: Map<string, Diagnostic[]>;
}

export class Publisher {
  private units = new Map<string, UnitShare>();
  private fileUnits = new Map<string, Set<string>>();
  private touched = new Set<string>();
  private published = new Map<string, Diagnostic[]>();

  /** Withdraws a unit's diagnostics. */
  removeUnit(key: string): void {
    this.setUnit(key, []);
  }

  /** A file is finalised again on the next publish (its text changed: suppression comments may have). */
  touch(file: string): void {
    this.touched.add(file);
  }

  /** Every file is finalised again on the next publish (the severity settings changed). */
  touchAll(): void {
    for (const f of this.published.keys()) this.touched.add(f);
    for (const f of this.fileUnits.keys()) this.touched.add(f);
  }

  setUnit(key: string, diags: readonly Diagnostic[]): void {
    const old = this.units.get(key);
    // A unit with nothing to say that had no share changes nothing (most units: no maps made for them).
    if (diags.length === 0 && !old) return;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diags) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    for (const [file, list] of byFile) {
      const before = old?.byFile.get(file);
      if (!before || !sameDiagnostics(before, list)) this.touched.add(file);
      let units = this.fileUnits.get(file);
      if (!units) this.fileUnits.set(file, (units = new Set()));
      units.add(key);
    }
    for (const file of old?.byFile.keys() ?? []) {
      if (byFile.has(file)) continue;
      this.touched.add(file);
      const units = this.fileUnits.get(file);
      units?.delete(key);
      if (units?.size === 0) this.fileUnits.delete(file);
    }
    // Most units (one per file) have nothing to say: they keep no share at all.
    if (byFile.size === 0) this.units.delete(key);
    else this.units.set(key, { byFile });
  }

  /** Re-finalises the touched files; returns those whose published list changed. */
  publish(finalize: (file: string, raw: Diagnostic[]) => Diagnostic[]): string[] {
    const changed: string[] = [];
    for (const file of this.touched) {
      const raw: Diagnostic[] = [];
      // Units may bring huge lists (a 130k-item literal): appended one by one, never spread as arguments.
      for (const key of [...(this.fileUnits.get(file) ?? [])].sort())
        for (const d of this.units.get(key)?.byFile.get(file) ?? []) raw.push(d);
      const diags = finalize(file, raw);
      const prev = this.published.get(file);
      // Compared as data, not as serialised text: a registry with a hundred diagnostics is republished
      // whenever one of its units changes.
      if (prev ? sameDiagnostics(prev, diags) : diags.length === 0) continue;
      if (diags.length === 0) this.published.delete(file);
      else this.published.set(file, diags);
      changed.push(file);
    }
    this.touched.clear();
    return changed.sort();
  }

  diagnostics(file: string): Diagnostic[] {
    return this.published.get(file) ?? [];
  }

  all(): Diagnostic[] {
    return [...this.published.keys()].sort().flatMap((f) => this.published.get(f) ?? []);
  }
}

/**
 * Equal lists of diagnostics, field by field (ranges are usually the same shared objects; fixes and tags, rare, as
 * data).
 */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Diagnostic;
    const y = b[i] as Diagnostic;
    if (x === y) continue;
    if (
      x.file !== y.file ||
      x.code !== y.code ||
      x.message !== y.message ||
      x.severity !== y.severity ||
      !sameRange(x.range, y.range)
    )
      return false;
    if (x.related.length !== y.related.length) return false;
    for (let j = 0; j < x.related.length; j++) {
      const r = x.related[j];
      const q = y.related[j];
      if (r !== q && (r?.file !== q?.file || r?.message !== q?.message || !sameRange(r?.range, q?.range))) return false;
    }
    if (x.fixes !== y.fixes && !(x.fixes.length === 0 && y.fixes.length === 0) && !sameData(x.fixes, y.fixes))
      return false;
    if (x.tags !== y.tags && !sameData(x.tags, y.tags)) return false;
  }
  return true;
}

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.start.line === b.start.line &&
      a.start.character === b.start.character &&
      a.end.line === b.end.line &&
      a.end.character === b.end.character)
  );
}
