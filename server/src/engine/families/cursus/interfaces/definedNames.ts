// RL032's view of one interface or extras file: the step names it defines and where, as a tracked query
// per file, equal while they are. An edit that leaves them (a description, a contract, a spec) then
// does not re-group the names of a whole layer — 2,000 core interfaces on every core edit.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import type { FileQueries } from '../../../analysis/files';
import { sameData } from '../../../util/equality';
import type { StepEntry } from '../../../model/entries/source';
import { stepQueries } from '../../../model/queries';

/** What RL032 reads of an entry. */
export type DefinedName = Pick<StepEntry, 'name' | 'file' | 'keyRange' | 'synthesized'>;

const group = perDatabase<DefinedNames>();

export function definedNames(files: FileQueries): DefinedNames {
  return group(files.db, () => new DefinedNames(files.db, files));
}

export class DefinedNames extends QueryGroup<FileQueries> {
  readonly ofFile: Query<DefinedName[]> = this.db.query(
    'interfaceDefinedNames',
    (file) =>
      (stepQueries(this.deps).step.source(file)?.entries ?? []).map((e) => ({
        name: e.name,
        file: e.file,
        keyRange: e.keyRange,
        synthesized: e.synthesized,
      })),
    sameData,
  );
}
