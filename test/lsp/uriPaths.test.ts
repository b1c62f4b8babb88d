// Folder URIs of any scheme map to the engine's root-relative paths and back by their segments (the web worker's
// folders are virtual: `vscode-vfs:`, an in-memory file system), and nothing outside the folder maps in.
import { strict as assert } from 'node:assert';
import { relIn, uriIn } from '../../server/src/lsp/uriPaths';

describe('lsp: URIs of a folder on any scheme', () => {
  const folder = 'vscode-vfs://github/owner/repo%20name';

  it('maps a path to its URI and back, encoding each segment', () => {
    const uri = uriIn(`${folder}/`, 'src/a b/step#1.py');
    assert.equal(uri, `${folder}/src/a%20b/step%231.py`);
    assert.equal(relIn(folder, uri), 'src/a b/step#1.py');
  });

  it('maps nothing outside the folder, the folder itself, or a segment that leaves or names a separator', () => {
    for (const uri of [
      'vscode-vfs://github/owner/repo',
      'vscode-vfs://github/owner/repo%20name2/x.py',
      folder,
      `${folder}/`,
      `${folder}/a//b.py`,
      `${folder}/a/../../x.py`,
      `${folder}/a/%2E%2E/b.py`,
      `${folder}/a%2Fb.py`,
      `${folder}/a%5Cb.py`,
      `${folder}/%E0%A4%A.py`,
      `file:///owner/repo%20name/x.py`,
    ])
      assert.equal(relIn(folder, uri), undefined, uri);
  });
});
