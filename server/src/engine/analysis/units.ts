// The diagnostics of the engine as tracked queries, one per unit: a file alone (`local:`), each
// family's units (`<family>/<key>`, families/index.ts), and each cross-file check registered through
// the engine's options (`check:`). The set of units is itself a query; the workspace observes them all.
import type { Diagnostic } from '../types';
import { QueryGroup, type IndexWrites, type Query } from '../db/database';
import type { Family, FamilyQueries, UnitCheck } from './family';
import type { FileQueries } from './files';
import { sameList } from '../util/equality';

interface UnitInputs {
  files: FileQueries;
  families: readonly Family[];
  queries: FamilyQueries;
  checks: readonly UnitCheck[];
}

export class UnitQueries extends QueryGroup<UnitInputs> {
  /** Every cross-file unit key (the `local:` units are one per fed file, kept by the workspace). */
  readonly keysQ: Query<string[]> = this.db.query(
    'unitKeys',
    () => [
      ...this.deps.families.flatMap((f) => this.familyKeysQ(f.name)),
      ...this.deps.checks.map((c) => `check:${c.name}`),
    ],
    sameList,
  );

  private readonly familyKeysQ = this.db.query(
    'familyUnitKeys',
    (name) => {
      const family = this.deps.families.find((f) => f.name === name);
      return family?.unitKeys ? family.unitKeys(this.deps.queries).map((k) => `${name}/${k}`) : [];
    },
    sameList,
  );

  private readonly unitQ: Query<Diagnostic[]> = this.db.query('unit', (key) => {
    if (key.startsWith('check:'))
      return this.deps.checks.find((c) => `check:${c.name}` === key)?.run(this.deps.queries) ?? [];
    const slash = key.indexOf('/');
    const family = this.deps.families.find((f) => f.name === key.slice(0, slash));
    return family?.unit ? family.unit(key.slice(slash + 1), this.deps.queries) : [];
  });

  /**
   * Observes a unit (or stops): `Database.takeChangedRoots` reports it when its diagnostics may have
   * changed. A file's own unit (`local:`, one per fed file) is observed through the file's facts, which
   * the database keeps anyway: no tracked computation of its own (tens of thousands on a large org).
   */
  observe(key: string, on: boolean): void {
    const file = localFile(key);
    if (file === null) this.unitQ.observe(key, on);
    else this.deps.files.applied.observe(file, on, LOCAL);
  }

  /**
   * The units among `keys` whose diagnostics read one of `files` (its text or whether it exists) when
   * last computed, directly or through what they read: those a change of the files can change. `reached`:
   * the index keys their contents reach (see `Database.readersAmong`).
   */
  reading(keys: readonly string[], files: readonly string[], reached?: IndexWrites): string[] {
    const { text, existsInput, applied } = this.deps.files;
    const reads = files.flatMap(
      (f) =>
        [
          [text, f],
          [existsInput, f],
        ] as const,
    );
    const hit = this.db.readersAmong(
      reads,
      keys.map((k) => {
        const file = localFile(k);
        return file === null ? ([this.unitQ, k] as const) : ([applied, file] as const);
      }),
      reached,
    );
    return keys.filter((_, i) => hit[i]);
  }

  /** The diagnostics of a unit. */
  diagnostics(key: string): Diagnostic[] {
    const file = localFile(key);
    return file === null ? this.unitQ(key) : this.deps.files.applied(file).local;
  }
}

const LOCAL = 'local:';

/** The key of a file's own unit. */
export function localUnit(file: string): string {
  return LOCAL + file;
}

function localFile(key: string): string | null {
  return key.startsWith(LOCAL) ? key.slice(LOCAL.length) : null;
}
