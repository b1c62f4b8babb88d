// Two workspaces declaring one id (RL015) stay apart in every client label (context picker, status
// items, Registries view, Overview): the first directory keeps the id, a later one carries its name.
import { strict as assert } from 'node:assert';
import { contextLabel, contextTitle, sourceLabel } from '../../client/src/contextLabels';

describe('client: context labels', () => {
  it('labels a later workspace with a duplicate id by its directory', () => {
    const all = [
      { id: 'core', dir: null },
      { id: 'alice_ml', dir: 'developer_workspaces/developers/alice_ml' },
      { id: 'bob', dir: 'developer_workspaces/developers/bob' },
      { id: 'alice_ml', dir: 'developer_workspaces/developers/aaron_dup' },
    ];
    assert.deepEqual(
      all.map((c) => contextLabel(c, all)),
      ['core', 'alice_ml', 'bob', 'alice_ml (aaron_dup)'],
    );
  });

  it('explains a label with a directory in its tooltip, and no other', () => {
    const all = [
      { id: 'core', dir: null },
      { id: 'alice_ml', dir: 'developer_workspaces/developers/alice_ml' },
      { id: 'alice_ml@developer_workspaces/developers/aaron_dup', dir: 'developer_workspaces/developers/aaron_dup' },
    ];
    assert.deepEqual(
      all.map((c) => contextTitle(c, all)),
      [
        undefined,
        undefined,
        'The workspace in developer_workspaces/developers/aaron_dup, which declares the id alice_ml that an earlier ' +
          'workspace already declares (RL015): the id alone selects the earlier one, so this one is named by its directory.',
      ],
    );
  });

  it("labels the engine's `id@dir` context of a later workspace by its directory", () => {
    const all = [
      { id: 'alice_ml', dir: 'developer_workspaces/developers/alice_ml' },
      { id: 'alice_ml@developer_workspaces/developers/aaron_dup', dir: 'developer_workspaces/developers/aaron_dup' },
    ];
    assert.deepEqual(
      all.map((c) => contextLabel(c, all)),
      ['alice_ml', 'alice_ml (aaron_dup)'],
    );
  });

  it("names a step's source by its context's label (Registries view), other sources as they are", () => {
    const all = [
      { id: 'core', dir: null },
      { id: 'alice_ml', dir: 'developer_workspaces/developers/alice_ml' },
      { id: 'alice_ml@developer_workspaces/developers/aaron_dup', dir: 'developer_workspaces/developers/aaron_dup' },
    ];
    assert.deepEqual(
      [
        'workspace:alice_ml@developer_workspaces/developers/aaron_dup',
        'override:alice_ml',
        'core',
        'module',
        'onex nodes',
      ].map((s) => sourceLabel(s, all)),
      ['workspace:alice_ml (aaron_dup)', 'override:alice_ml', 'core', 'module', 'onex nodes'],
    );
  });
});
