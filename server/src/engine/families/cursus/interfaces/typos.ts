// RL018's "did you mean": the step a `compatible_sources` name is a near miss of in a context, as a
// tracked query per (context, name), so that a change of the step names ranks each distinct name once
// (not once per interface file listing it) and files whose answer did not change are not re-checked.
// A near miss is equal ignoring case and `_`, or within edit distance 2 — so of core's names a query
// reads only those of its loose spelling and of lengths within 2 of its own (two indices read per
// key), through one query per (length, name) that keeps only the candidates that can be a near miss:
// a core step added or removed re-scans the names of nearby lengths and re-ranks only those it could be
// a near miss of.
import { perDatabase, QueryGroup, type Database, type Index, type Query } from '../../../db/database';
import type { RegistryModel } from '../../../model/entries/registry';
import { sameList } from '../../../util/equality';
import { closestWithin, nearCandidates } from '../../../util/editDistance';
import { stringMemo } from '../../../util/memo';

const group = perDatabase<TypoQueries>();
const MAX = 2;

/** The group of the engine whose database is `db` (the model is that engine's). */
export function typoQueries(db: Database, model: RegistryModel): TypoQueries {
  return group(db, () => new TypoQueries(db, model));
}

const loose = stringMemo((s) => {
  const l = s.toLowerCase();
  return l.includes('_') ? l.replace(/_/g, '') : l;
});

export class TypoQueries extends QueryGroup<RegistryModel> {
  /** Core's step names by their loose spelling, in core order. */
  private readonly coreByLoose: Index<string[]> = this.db.index(
    'interfaceCoreByLoose',
    () => groupBy(this.deps.core.keys(), loose),
    sameList,
  );
  /** Core's step names by length, in core order. */
  private readonly coreByLength: Index<string[]> = this.db.index(
    'interfaceCoreByLength',
    () => groupBy(this.deps.core.keys(), (n) => String(n.length)),
    sameList,
  );

  /** Key: `<workspace dir, '' for core>\0<name>`; the step it is a near miss of, or null. */
  private readonly typoQ: Query<string | null> = this.db.query('interfaceTypo', (key) => {
    const at = key.indexOf('\0');
    const name = key.slice(at + 1);
    const ws = at > 0 ? this.deps.workspace(key.slice(0, at)) : null;
    const own = ws ? [...ws.local.keys(), ...ws.overrides.keys()] : [];
    const l = loose(name);
    const same = this.coreByLoose.get(l)?.[0] ?? own.find((n) => loose(n) === l);
    if (same !== undefined) return same;
    const near = new Set<string>();
    for (let len = Math.max(1, name.length - MAX); len <= name.length + MAX; len++)
      for (const n of this.nearOfLengthQ(`${len}\0${name}`)) near.add(n);
    for (const n of own) if (Math.abs(n.length - name.length) <= MAX) near.add(n);
    return closestWithin(name, near, MAX);
  });

  /**
   * Key: `<length>\0<name>`; core's names of that length that can be the name's near miss, in core
   * order. A core step of that length added or removed re-scans this list; the near miss itself is
   * ranked again only when the list changes (rarely: the step has to be within 2 edits of the name).
   */
  private readonly nearOfLengthQ: Query<string[]> = this.db.query(
    'interfaceNearOfLength',
    (key) => {
      const at = key.indexOf('\0');
      return nearCandidates(key.slice(at + 1), this.coreByLength.get(key.slice(0, at)) ?? [], MAX);
    },
    sameList,
  );

  typoOf(wsDir: string | null, name: string): string | null {
    return this.typoQ(`${wsDir ?? ''}\0${name}`);
  }
}

function groupBy(names: Iterable<string>, keyOf: (n: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of names) {
    const k = keyOf(n);
    const list = out.get(k);
    if (list) list.push(n);
    else out.set(k, [n]);
  }
  return out;
}
