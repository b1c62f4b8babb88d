// The locations an Explain document links: root-relative paths only, never one leading out of the folder.
import { strict as assert } from 'node:assert';
import { explainLocations } from '../../client/src/explainLocations';

describe('client: Explain document locations', () => {
  it('finds path:line:col locations with their offsets', () => {
    const text = 'builder: developer_workspaces/a/src/x.py:12:5 (class)\nconfig: steps/configs/c.py:1:1';
    assert.deepEqual(explainLocations(text), [
      { index: 9, length: 36, file: 'developer_workspaces/a/src/x.py', line: '12', col: '5' },
      { index: 62, length: 22, file: 'steps/configs/c.py', line: '1', col: '1' },
    ]);
  });

  it('links no location with a . or .. segment, which only a name in the text can hold', () => {
    assert.deepEqual(explainLocations('step ../../etc/passwd.py:1:1 and ./a/../b.py:2:2 and a/.../c.py:3:3'), []);
    assert.deepEqual(
      explainLocations('a..b/c.py:1:1').map((l) => l.file),
      ['a..b/c.py'],
    );
  });
});
