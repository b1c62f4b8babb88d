// The cursus family's own tracked queries: the checks of one core entry, so that a core registry edit
// re-checks only the entries whose text or place changed (and what reads them), not all of core. One
// group per engine, keyed by its database.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import type { Diagnostic } from '../../../types';
import type { FamilyQueries } from '../../../analysis/family';
import { checkCoreEntry } from './units';
import { stepQueries } from '../../../model/queries';
import { sameData } from '../../../util/equality';

const group = perDatabase<CursusQueries>();

export function cursusQueries(q: FamilyQueries): CursusQueries {
  return group(q.files.db, () => new CursusQueries(q.files.db, q));
}

export class CursusQueries extends QueryGroup<FamilyQueries> {
  /** One core entry's diagnostics, by step name. */
  readonly coreEntryQ: Query<Diagnostic[]> = this.db.query(
    'cursus:coreEntry',
    (name) => checkCoreEntry(stepQueries(this.deps.files).model, name, this.deps.files.settings()),
    sameData,
  );
}
