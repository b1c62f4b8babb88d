// Installed Python code is library code: an environment inside the root (a venv, a conda prefix, a bare
// `site-packages` tree), whatever its folder is called, is never walked, and nothing in it is reported.
import { strict as assert } from 'node:assert';
import { brokenTree, removeTrees, runJson, writeTree, type Tree } from './helpers';

/** `tree`'s files again under `prefix`, `src/` dropped as an installed package has it. */
function installed(tree: Tree, prefix: string): Tree {
  return Object.fromEntries(Object.entries(tree).map(([rel, text]) => [prefix + rel.replace(/^src\//, ''), text]));
}

interface Reported {
  diagnostics: { file: string; code: string }[];
}

function reported(root: string): string[] {
  const { json } = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
  return (json as unknown as Reported).diagnostics.map((d) => `${d.file} ${d.code}`).sort();
}

describe('cli check: Python environments in the root are library code', () => {
  after(removeTrees);

  it('reports nothing in a venv, a conda prefix, or a site-packages tree, and the project as without them', () => {
    const project = brokenTree();
    const alone = reported(writeTree(project));
    assert.ok(alone.length > 0);
    const withEnvironments = writeTree({
      ...project,
      // A venv under any name, known by its pyvenv.cfg (PEP 405).
      'tooling/pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n',
      ...installed(brokenTree(), 'tooling/lib/python3.11/site-packages/'),
      ...installed(brokenTree(), 'tooling/share/cursus/'),
      // A conda prefix, known by its conda-meta folder.
      'envs/ml/conda-meta/history': '',
      ...installed(brokenTree(), 'envs/ml/pkgs/'),
      // No marker: site-packages in its place (POSIX, Windows).
      ...installed(brokenTree(), 'vendor/lib/python3.12/site-packages/'),
      ...installed(brokenTree(), 'winenv/Lib/site-packages/'),
    });
    assert.deepEqual(reported(withEnvironments), alone);
  });
});
