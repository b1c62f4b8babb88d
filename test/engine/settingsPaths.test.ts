// Settings that name paths never lead out of the folder (shared/repro R11): a path or glob that is
// absolute or climbs above the root is ignored (a list left with none falls back to its default), and
// listed for the front ends to warn about; the scaffold of a new workspace then stays inside the root.
import { strict as assert } from 'node:assert';
import { pathsLeavingRoot, resolveSettings as resolveWith } from '../../server/src/engine/settings';
import { SETTING_GROUPS } from '../../server/src/engine/engine';
import { STEP_SETTINGS } from '../../server/src/engine/model/settings';
import { APCORE_SETTINGS } from '../../server/src/engine/families/apcore/apcoreSettings';
import type { SettingsInput } from '../../server/src/engine/types';
import { analyze, initParsers } from './helpers';

/** The step model's and apcore's settings resolved from this input. */
function resolveSettings(input: SettingsInput) {
  const s = resolveWith(SETTING_GROUPS, input);
  return { ...STEP_SETTINGS.of(s), ...APCORE_SETTINGS.of(s) };
}
const DEFAULT_SETTINGS = resolveSettings({});

describe('settings: paths stay inside the root', () => {
  before(initParsers);

  it('ignores paths and globs that leave the root, and keeps (normalised) those that stay', () => {
    const s = resolveSettings({
      workspacesRoots: ['../outside', './ws/', 'a/../b', '/etc', 'C:\\\\x'],
      coreFiles: ['../**/step_names.py', '**/registry/step_names.py'],
      coreYamlFiles: ['/abs/step_names.yaml'],
      componentDirs: { builder: ['../b', 'src/pipeline_steps/'], config: ['x/../../y'] },
      apcoreRoots: ['../ext', { path: 'ext', namespace: 'n' }],
      apcoreIdMap: '../id_map.yaml',
    });
    assert.deepEqual(s.workspacesRoots, ['ws', 'b']);
    assert.deepEqual(s.coreFiles, ['**/registry/step_names.py']);
    assert.deepEqual(s.coreYamlFiles, DEFAULT_SETTINGS.coreYamlFiles, 'a list left with none is as if unset');
    assert.deepEqual(s.componentDirs, { builder: ['src/pipeline_steps'], config: [] });
    assert.deepEqual(s.apcoreRoots, [{ path: 'ext', namespace: 'n' }]);
    assert.equal(s.apcoreIdMap, null);
    assert.deepEqual(
      resolveSettings({ workspacesRoots: ['../outside'] }).workspacesRoots,
      DEFAULT_SETTINGS.workspacesRoots,
    );
    assert.deepEqual(
      resolveSettings({ workspacesRoots: [] }).workspacesRoots,
      [],
      'an empty list still means no workspaces',
    );
  });

  it('lists what it ignored, setting by setting, for the front ends to warn about', () => {
    assert.deepEqual(
      pathsLeavingRoot(SETTING_GROUPS, {
        workspacesRoots: ['../outside', 'ok'],
        coreFiles: ['/x/*.py'],
        componentDirs: { spec: ['../s'] },
        apcoreRoots: [{ path: '../../ext' }],
        apcoreIdMap: '/id_map.yaml',
      }),
      [
        { key: 'core.files', value: '/x/*.py' },
        { key: 'workspaces.roots', value: '../outside' },
        { key: 'components.dirs', value: '../s' },
        { key: 'apcore.roots', value: '../../ext' },
        { key: 'apcore.idMap', value: '/id_map.yaml' },
      ],
    );
    assert.deepEqual(pathsLeavingRoot(SETTING_GROUPS, DEFAULT_SETTINGS), []);
  });

  it('lays a new workspace out under the default root when the configured one leaves the folder', async () => {
    const { engine } = await analyze('', { workspacesRoots: ['../outside'] });
    const s = engine.scaffoldWorkspace({ id: 'evil1', template: 'standard' });
    assert.ok(!('error' in s));
    assert.equal(s.dir, 'developer_workspaces/developers/evil1');
    assert.ok([...s.dirs, ...s.files.map((f) => f.file)].every((p) => !p.split('/').includes('..')));
  });

  it('refuses a template, layout or id outside the choices, whichever front end asks (the CLI and the server alike)', async () => {
    const { engine } = await analyze('');
    const ask = (o: Record<string, unknown>): string => {
      const s = engine.scaffoldWorkspace(o as unknown as Parameters<typeof engine.scaffoldWorkspace>[0]);
      return 'error' in s ? s.error : 'laid out';
    };
    assert.equal(ask({ id: 'x', template: 'minimal' }), 'laid out');
    assert.match(
      ask({ id: 'x', template: 'bogus' }),
      /Unknown template 'bogus': use one of minimal, standard, advanced/,
    );
    assert.match(ask({ id: 'x', template: 'minimal', layout: 'flat' }), /Unknown layout 'flat'/);
    assert.match(ask({ id: 7, template: 'minimal' }), /Invalid workspace id '7'/);
    assert.match(ask({ id: '../x', template: 'minimal' }), /Invalid workspace id/);
  });
});
