// Conformance: the site-packages folders of a venv are those CPython's `site` puts on its path. Observed with
// CPython 3.11.7 (`site.py` 346-377 `getsitepackages()`, 492-542 `venv()`):
//
//   $ python3.11 -m venv v1 && mkdir -p v1/lib/python3.10/site-packages
//   $ cat v1/pyvenv.cfg
//   home = /root/.pyenv/versions/3.11.7/bin
//   include-system-site-packages = false
//   version = 3.11.7
//   $ v1/bin/python -c "import site; print(site.getsitepackages())"
//   ['/tmp/venvexp/v1/lib/python3.11/site-packages']
//
//   $ python3.11 -m venv --system-site-packages v2
//   $ v2/bin/python -c "import site; print(site.getsitepackages())"
//   ['/tmp/venvexp/v2/lib/python3.11/site-packages', '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages']
//
// The stale `python3.10` folder is not read; with `include-system-site-packages = true` the base interpreter's
// folder (the prefix above `home` holding `lib/python3.11/os.py`) follows the venv's own.
import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { findEnvironment, type PythonEnvironment } from '../../server/src/host/pythonEnv';
import { installedFrameworks } from '../../server/src/host/installedFrameworks';
import { removeTrees, writeTree, type Tree } from '../cli/helpers';

/** A distribution's dist-info under `site`. */
function dist(site: string, name: string, version: string): Tree {
  return {
    [`${site}/${name}-${version}.dist-info/METADATA`]: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    [`${site}/${name}/__init__.py`]: '',
  };
}

/** A base interpreter's prefix: its standard library's landmark and its site-packages. */
function baseInterpreter(extra: Tree = {}): string {
  return writeTree({
    'bin/python3.11': '',
    'lib/python3.11/os.py': '',
    'lib/python3.11/site-packages/.keep': '',
    ...extra,
  });
}

const env = (dir: string): PythonEnvironment => findEnvironment(dir, dir, {}) as PythonEnvironment;
const real = (p: string): string => realpathSync.native(p);

describe("host: a venv's site-packages as site finds them", () => {
  after(removeTrees);

  it('reads the lib/pythonX.Y of the version pyvenv.cfg records, not a stale folder of another version', () => {
    for (const key of ['version = 3.11.7', 'version_info = 3.11.7.final.0']) {
      const dir = writeTree({
        'pyvenv.cfg': `home = /nonexistent/bin\ninclude-system-site-packages = false\n${key}\n`,
        ...dist('lib/python3.10/site-packages', 'cursus', '2.5.0'),
        ...dist('lib/python3.11/site-packages', 'cursus', '2.9.32'),
      });
      assert.deepEqual(env(dir).sitePackages, [real(join(dir, 'lib/python3.11/site-packages'))], key);
      assert.deepEqual(
        installedFrameworks(env(dir)).map((f) => `${f.name} ${f.version}`),
        ['cursus 2.9.32'],
      );
    }
    // No version recorded (a hand-made venv): every lib/python3.X is looked into, as before.
    const unrecorded = writeTree({
      'pyvenv.cfg': 'include-system-site-packages = false\n',
      ...dist('lib/python3.10/site-packages', 'cursus', '2.5.0'),
    });
    assert.equal(env(unrecorded).sitePackages.length, 1);
  });

  it("adds the base interpreter's site-packages after the venv's own when include-system-site-packages is true", () => {
    const base = baseInterpreter(dist('lib/python3.11/site-packages', 'apcore', '0.18.0'));
    const venv = (system: string): string =>
      writeTree({
        'pyvenv.cfg': `home = ${join(base, 'bin')}\n${system}version = 3.11.7\n`,
        ...dist('lib/python3.11/site-packages', 'cursus', '2.9.32'),
      });
    const own = (dir: string): string => real(join(dir, 'lib/python3.11/site-packages'));
    const baseSite = real(join(base, 'lib/python3.11/site-packages'));
    for (const system of ['include-system-site-packages = true\n', 'include-system-site-packages = True\n', '']) {
      const dir = venv(system);
      assert.deepEqual(env(dir).sitePackages, [own(dir), baseSite], JSON.stringify(system));
      assert.equal(env(dir).base, real(base));
      assert.deepEqual(
        installedFrameworks(env(dir)).map((f) => `${f.name} ${f.version}`),
        ['cursus 2.9.32', 'apcore 0.18.0'],
      );
    }
    const isolated = venv('include-system-site-packages = false\n');
    assert.deepEqual(env(isolated).sitePackages, [own(isolated)]);
    // virtualenv's `base-prefix` names the prefix itself.
    const virtualenv = writeTree({
      'pyvenv.cfg': `home = /nonexistent/bin\ninclude-system-site-packages = true\nbase-prefix = ${base}\nversion_info = 3.11.7\n`,
      ...dist('lib/python3.11/site-packages', 'cursus', '2.9.32'),
    });
    assert.deepEqual(env(virtualenv).sitePackages, [own(virtualenv), baseSite]);
    // A venv's own package wins over the base's of the same name, as the path's order has it.
    const both = writeTree({
      'pyvenv.cfg': `home = ${join(base, 'bin')}\nversion = 3.11.7\n`,
      ...dist('lib/python3.11/site-packages', 'apcore', '0.19.0'),
    });
    assert.deepEqual(
      installedFrameworks(env(both)).map((f) => `${f.name} ${f.version}`),
      ['apcore 0.19.0'],
    );
  });
});
