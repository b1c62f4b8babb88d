// The library of an environment: cursus's package folder is walked, omnibase_core's is read only in the files its
// family names (and its METADATA beside it); a path of that folder outside them is no library file, so no watched
// event or opened document there ever reaches the engine.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { frameworkLibrary, mountOf } from '../../server/src/host/frameworkLibrary';
import { findEnvironment, type PythonEnvironment } from '../../server/src/host/pythonEnv';
import { removeTrees, writeTree } from '../cli/helpers';

const SITE = 'lib/python3.11/site-packages';

describe('host: the framework library of a Python environment', () => {
  after(removeTrees);

  it("mounts omnibase_core's named files and its METADATA only, cursus's whole folder", () => {
    const root = writeTree({ 'pyproject.toml': '[project]\nname = "x"\n' });
    const dir = writeTree({
      'pyvenv.cfg': '',
      [`${SITE}/omnibase_core-0.47.57.dist-info/METADATA`]: 'Name: omnibase-core\nVersion: 0.47.57\n',
      [`${SITE}/omnibase_core/constants/constants_runtime_profiles.py`]: 'REGISTERED_RUNTIME_PROFILES = ("main",)\n',
      [`${SITE}/omnibase_core/nodes/node_x/contract.yaml`]: 'name: node_x\n',
      [`${SITE}/cursus-2.9.32.dist-info/METADATA`]: 'Name: cursus\nVersion: 2.9.32\n',
      [`${SITE}/cursus/registry/step_names.py`]: 'STEP_NAMES = {}\n',
    });
    const env = findEnvironment(root, dir, {}) as PythonEnvironment;
    const library = frameworkLibrary(root, env);
    assert.deepEqual(
      library.mounts.map((m) => [m.at, m.only === undefined ? 'walked' : m.only.length]),
      [
        ['<python-env>/cursus', 'walked'],
        ['<python-env>/omnibase_core', 4],
        ['<python-env>/omnibase_core-0.47.57.dist-info', 1],
      ].sort(),
    );
    const at = (rel: string): string | null => mountOf(library, rel)?.dir ?? null;
    assert.equal(
      at('<python-env>/omnibase_core/constants/constants_runtime_profiles.py'),
      join(dir, SITE, 'omnibase_core'),
    );
    assert.equal(
      at('<python-env>/omnibase_core-0.47.57.dist-info/METADATA'),
      join(dir, SITE, 'omnibase_core-0.47.57.dist-info'),
    );
    assert.equal(at('<python-env>/omnibase_core/nodes/node_x/contract.yaml'), null);
    assert.equal(at('<python-env>/omnibase_core-0.47.57.dist-info/RECORD'), null);
    assert.equal(at('<python-env>/cursus/anything/below.py'), join(dir, SITE, 'cursus'));
  });
});
