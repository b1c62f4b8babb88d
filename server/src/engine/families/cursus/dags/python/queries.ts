// The DAGs of each Python module the family sees (a module another family may classify), read from its
// text once per text: a tracked query keyed by the module's path.
import { perDatabase, QueryGroup, type Query } from '../../../../db/database';
import type { FileQueries } from '../../../../analysis/files';
import type { PyDagsDoc } from './build';
import { readModuleDags } from './readModule';

const group = perDatabase<ModuleDagQueries>();

export function moduleDagQueries(files: FileQueries): ModuleDagQueries {
  return group(files.db, () => new ModuleDagQueries(files.db, files));
}

export class ModuleDagQueries extends QueryGroup<FileQueries> {
  /** A module's DAGs (null: it builds and loads none, or it is gone). */
  readonly doc: Query<PyDagsDoc | null> = this.db.query('moduleDags', (path) => {
    const text = this.deps.textOf(path);
    return text === undefined ? null : readModuleDags(text);
  });
}
