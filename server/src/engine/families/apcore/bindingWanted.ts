// The files binding targets may be (targetFiles.ts), as one tracked query per database: the apcore family asks the
// host to feed them, so bindingTargets.ts can read their names.
import { perDatabase, type Query } from '../../db/database';
import type { FileQueries } from '../../analysis/files';
import { sameList } from '../../util/equality';
import { stepQueries } from '../../model/queries';
import { wantedTargetFiles } from './targetFiles';

const group = perDatabase<Query<string[]>>();

/** Every file a binding file's targets may be, sorted. */
export function bindingWanted(files: FileQueries): string[] {
  const query = group(files.db, () =>
    files.db.query(
      'bindingWanted',
      () => {
        const { step } = stepQueries(files);
        return [
          ...new Set(
            step.bindingFiles().flatMap((p) => {
              const d = step.bindingDoc(p);
              return d ? wantedTargetFiles(d) : [];
            }),
          ),
        ].sort();
      },
      sameList,
    ),
  );
  return query('');
}
