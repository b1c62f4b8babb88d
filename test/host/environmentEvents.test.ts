// What a watched path means to a folder: in a root with no environment yet, its `.venv` becoming one or a framework's
// metadata appearing in it loads the folder again; every other package's file, in the root's environment or one
// outside it, is dropped on its path alone; a framework's metadata coming or going in the environment is a change.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { environmentEvent } from '../../server/src/host/environmentEvents';
import { frameworkLibrary, NO_LIBRARY } from '../../server/src/host/frameworkLibrary';
import { isFrameworkMetadata } from '../../server/src/host/installedFrameworks';
import { findEnvironment, type PythonEnvironment } from '../../server/src/host/pythonEnv';
import { removeTrees, writeTree } from '../cli/helpers';

const SITE = 'lib/python3.11/site-packages';

describe('host: watched events of a Python environment', () => {
  after(removeTrees);

  it('in a root without an environment: the .venv made, pyvenv.cfg, conda-meta, a framework dist-info are changes', () => {
    const root = writeTree({ 'pyproject.toml': '', '.venv/pyvenv.cfg': '', 'env/settings.yaml': '' });
    const event = (rel: string): string => environmentEvent(root, null, NO_LIBRARY, join(root, ...rel.split('/')));
    for (const rel of [
      '.venv',
      '.venv/pyvenv.cfg',
      'venv/conda-meta',
      `.venv/${SITE}/cursus-2.9.32.dist-info/RECORD`,
      `.venv/${SITE}/omnibase_core-0.47.57.dist-info`,
      `.venv/${SITE}/__editable__.cursus-2.9.32.pth`,
      `.venv/lib64/python3.12/site-packages/apcore-0.19.0.dist-info/METADATA`,
    ])
      assert.equal(event(rel), 'library', rel);
    // Another package's files, and an `env` folder that is no environment, are not.
    for (const rel of [`.venv/${SITE}/numpy/core/m1.py`, `.venv/${SITE}/numpy-2.1.0.dist-info/RECORD`, '.venv/bin/pip'])
      assert.equal(event(rel), 'none', rel);
    assert.equal(event('env'), 'project');
    assert.equal(event('env/settings.yaml'), 'project');
    assert.equal(event('tools/pyvenv.cfg'), 'project');
  });

  it("in an environment: any framework's metadata (an install, an uninstall) is a change, others' files are not", () => {
    const root = writeTree({ 'pyproject.toml': '' });
    const dir = writeTree({ 'pyvenv.cfg': '', [`${SITE}/six.py`]: '' });
    const env = findEnvironment(root, dir, {}) as PythonEnvironment;
    const library = frameworkLibrary(root, env);
    assert.deepEqual(library.mounts, []);
    const event = (rel: string): string => environmentEvent(root, env, library, join(env.sitePackages[0] ?? '', rel));
    for (const rel of ['cursus-2.9.32.dist-info/RECORD', 'apcore-0.19.0.dist-info', 'cursus.egg-link', 'x.pth'])
      assert.equal(event(rel), 'library', rel);
    for (const rel of ['numpy/core/m1.py', 'numpy-2.1.0.dist-info/RECORD', 'cursus/__init__.py', 'cursusx-1.dist-info'])
      assert.equal(event(rel), 'none', rel);
  });

  it("names the known frameworks' metadata, normalised (PEP 503), whatever its kind", () => {
    for (const entry of [
      'cursus-2.9.32.dist-info',
      'Omnibase_Core-0.46.8.dist-info',
      'omnibase_infra-0.1.0.dist-info',
      'cursus-1.0-py3.11.egg-info',
      'cursus.egg-link',
    ])
      assert.ok(isFrameworkMetadata(entry), entry);
    for (const entry of ['cursus', 'cursus-2.9.32.data', 'omnibase-1.0.dist-info', 'numpy-2.1.0.dist-info'])
      assert.ok(!isFrameworkMetadata(entry), entry);
  });
});
