// RL018's "did you mean": the step a `compatible_sources` name is a near miss of in a context, as a
// tracked query per (context, name), so that a change of the step names ranks each distinct name once
// (not once per interface file listing it) and files whose answer did not change are not re-checked.
import { QueryGroup, type Database, type Query } from '../../db/database';
import type { RegistryModel } from '../../model/registry';
import { closest, editDistance } from '../../util/editDistance';

const groups = new WeakMap<Database, TypoQueries>();

/** The group of the engine whose database is `db` (the model is that engine's). */
export function typoQueries(db: Database, model: RegistryModel): TypoQueries {
  let g = groups.get(db);
  if (!g) groups.set(db, (g = new TypoQueries(db, model)));
  return g;
}

export class TypoQueries extends QueryGroup<RegistryModel> {
  /** Key: `<workspace dir, '' for core>\0<name>`; the step it is a near miss of (equal ignoring case and `_`, else within edit distance 2), or null. */
  private readonly typoQ: Query<string | null> = this.db.query('interfaceTypo', (key) => {
    const at = key.indexOf('\0');
    const name = key.slice(at + 1);
    const names = visibleNames(this.deps, key.slice(0, at) || null);
    const loose = (s: string): string => s.toLowerCase().replace(/_/g, '');
    return names.find((n) => loose(n) === loose(name)) ?? closest(name, names, 1).find((n) => editDistance(name, n, 2) <= 2) ?? null;
  });

  typoOf(wsDir: string | null, name: string): string | null { return this.typoQ(`${wsDir ?? ''}\0${name}`); }
}

function visibleNames(model: RegistryModel, wsDir: string | null): string[] {
  const ws = wsDir ? model.workspace(wsDir) : null;
  return [...new Set([...model.core.keys(), ...(ws ? [...ws.local.keys(), ...ws.overrides.keys()] : [])])];
}
