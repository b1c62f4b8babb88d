// Where a path's developer workspace is (SPEC §1.2): the directory right under a configured root.
import { strict as assert } from 'node:assert';
import { wsDirOf } from '../../server/src/engine/model/entries/workspaceDirs';
import { resolveSettings } from '../../server/src/engine/settings';
import { SETTING_GROUPS } from '../../server/src/engine/engine';

describe('workspace directories', () => {
  const settings = resolveSettings(SETTING_GROUPS, { workspacesRoots: ['developer_workspaces/developers', ''] });
  const only = (root: string) => resolveSettings(SETTING_GROUPS, { workspacesRoots: [root] });

  it('are the directory right under a root that holds the path', () => {
    assert.equal(
      wsDirOf(only('developer_workspaces/developers'), 'developer_workspaces/developers/alice/src/cursus_dev/x.py'),
      'developer_workspaces/developers/alice',
    );
    assert.equal(
      wsDirOf(only('developer_workspaces/developers'), 'developer_workspaces/developers/alice'),
      null,
      'a file right under the root is in no workspace',
    );
    assert.equal(
      wsDirOf(only('developer_workspaces/developers'), 'developer_workspaces/developers_old/alice/x.py'),
      null,
      'a sibling of the root with a longer name',
    );
    assert.equal(
      wsDirOf(only('developer_workspaces/developers'), 'developer_workspaces/developers//x.py'),
      null,
      'an empty directory name',
    );
    assert.equal(wsDirOf(only(''), 'alice/src/x.py'), 'alice', 'the root itself');
    assert.equal(wsDirOf(settings, 'src/cursus/steps/x.py'), 'src', 'the first root that holds it');
  });
});
