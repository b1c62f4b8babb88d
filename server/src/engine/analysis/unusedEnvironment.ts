// A folder of the root that Python's tools would take as the project's environment (`.venv`, `venv`, `env`) but that
// is a symbolic link out of the root: the host reads nothing through it unless the user names it (a cloned repository
// must not steer the reads outside its folder), and the analysis says so once (RL081) instead of silence — on the
// root's `pyproject.toml` when it is analysed, else at the top of the first file analysed.
import type { Diagnostic } from '../types';
import { diag } from '../codes';
import { ZERO_RANGE } from '../text/ranges';
import type { UnitCheck } from './family';
import type { FileQueries } from './files';

const NONE = '';
const PYPROJECT = 'pyproject.toml';

/** RL081, from what the host said (`FileQueries.unusedEnvironmentInput`). */
export const unusedEnvironmentCheck: UnitCheck = {
  name: 'unused-environment',
  run: (q) => unusedEnvironment(q.files),
};

function unusedEnvironment(files: FileQueries): Diagnostic[] {
  const folder = files.unusedEnvironmentInput.get(NONE);
  if (folder === null) return [];
  const at = files.exists(PYPROJECT) ? PYPROJECT : firstFile(files);
  if (at === null) return [];
  const message =
    `${folder} is a symbolic link to a folder outside this one, so it is not used as the project's Python ` +
    'environment: to use it, name it with `--python-env`, `registryLens.python.environment` or by activating it ' +
    '(`VIRTUAL_ENV`).';
  return [diag(at, ZERO_RANGE, 'RL081', message)];
}

/** The first file analysed, in path order: the root's first, else the first below its first folder, and so on. */
function firstFile(files: FileQueries): string | null {
  for (let dir = NONE; ;) {
    const here = files.dirFilesInput.get(dir)[0];
    if (here !== undefined) return here;
    const below = files.subdirsInput.get(dir)[0];
    if (below === undefined) return null;
    dir = below;
  }
}
