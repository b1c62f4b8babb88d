// Stage 3, what a companion describes (SPEC §1.5): the module of its subject file, else the step whose
// builder or config class the subject defines, else the step its file name names; RL021 without a
// subject; RL024 (warning) for a second companion of one entry. Workspace companions describe only
// their workspace's entries.
import { strict as assert } from 'node:assert';
import { analyze } from '../helpers';
import { assertAt, cursus, metaOf, moduleClass } from './snippets';

const WS = 'developer_workspaces/developers/alice';
const ALICE = `
  //- /${WS}/src/cursus_dev/registry/workspace_registry.py
  WORKSPACE_METADATA = {"developer_id": "alice"}
  LOCAL_STEPS = {"Local": {"builder_step_name": "LocalStepBuilder", "sagemaker_step_type": "Processing", "description": "l"}}
  STEP_OVERRIDES = {"Beta": {"builder_step_name": "AliceBetaStepBuilder", "sagemaker_step_type": "Processing", "description": "b"}}
  //- /${WS}/src/cursus_dev/steps/builders/builder_local_step.py
  class LocalStepBuilder:
      pass
  //- /${WS}/src/cursus_dev/steps/builders/builder_alice_beta_step.py
  class AliceBetaStepBuilder:
      pass
`;

describe('pipeline 3: subject and entry', () => {
  it('binds by the class the subject defines, by the canonical file name, and to the module of the file', async () => {
    const { engine } = await analyze(`${cursus(['Alpha', 'Beta', 'XGBoostTraining'])}
      //- ${metaOf('Alpha')}
      description: by class
      //- /src/cursus/steps/scripts/xgboost_training.py
      def main():
          pass
      //- /src/cursus/steps/scripts/xgboost_training_meta.yaml
      description: by file name
      //- /extensions/tool.py
      ${moduleClass('Tool')}
      //- /extensions/tool_meta.yaml
      description: by module
    `);
    const desc = (step: string): unknown => engine.explain({ step }).winner?.fields['description'];
    assert.equal(desc('Alpha'), 'by class');
    assert.equal(desc('XGBoostTraining'), 'by file name');
    assert.equal(desc('tool'), 'by module');
    assert.deepEqual(engine.allDiagnostics(), []);
  });

  it('RL021 when the subject file does not exist', async () => {
    const { engine } = await analyze(`${cursus()}
      //- /src/cursus/steps/builders/builder_gone_step_meta.yaml
      description: its builder was deleted
    `);
    assertAt(
      engine,
      'src/cursus/steps/builders/builder_gone_step_meta.yaml',
      '0:0-0:0',
      'RL021',
      'builder_gone_step.py, which does not exist',
    );
  });

  it('RL024 (warning) on a second companion of one entry; the first in path order is used', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      description: from the builder's companion
      //- /src/cursus/steps/configs/config_alpha_step_meta.yaml
      description: from the config's companion
    `);
    assertAt(
      engine,
      'src/cursus/steps/configs/config_alpha_step_meta.yaml',
      '0:0-0:0',
      'RL024',
      "'Alpha' already has companion metadata in src/cursus/steps/builders/builder_alpha_step_meta.yaml",
    );
    assert.equal(engine.allDiagnostics()[0]?.severity, 'warning');
    assert.equal(engine.explain({ step: 'Alpha' }).winner?.fields['description'], "from the builder's companion");
  });

  it('a workspace companion describes its own override or local step, never a core entry', async () => {
    const { engine } = await analyze(`${cursus()}${ALICE}
      //- /${WS}/src/cursus_dev/steps/builders/builder_alice_beta_step_meta.yaml
      description: alice's beta
      //- /${WS}/src/cursus_dev/steps/builders/builder_local_step_meta.yaml
      description: alice's local
      //- /${WS}/src/cursus_dev/steps/builders/builder_alpha_step.py
      class AlphaStepBuilder:
          pass
      //- /${WS}/src/cursus_dev/steps/builders/builder_alpha_step_meta.yaml
      description: not alice's step
    `);
    const desc = (step: string, context?: string): unknown =>
      engine.explain({ step, context }).winner?.fields['description'];
    assert.equal(desc('Beta', 'alice'), "alice's beta");
    assert.equal(desc('Beta'), 'Beta step');
    assert.equal(desc('Local', 'alice'), "alice's local");
    assert.equal(desc('Alpha', 'alice'), 'Alpha step');
    assert.equal(desc('Alpha'), 'Alpha step');
  });

  it('tells the host what to read: companions of a meta file, subjects it still lacks, paths that became relevant', async () => {
    const { engine } = await analyze(`
      //- /tools/run_meta.yaml
      description: describes tools/run.py, which the walk did not know to read
      entry_point: runner:Runner
    `);
    assert.deepEqual(engine.interest().alongside('tools/run_meta.yaml'), [
      'tools/run.py',
      'tools/run.ts',
      'tools/run.js',
    ]);
    assert.deepEqual(engine.interest().files, ['tools/run.js', 'tools/run.py', 'tools/run.ts']);
    assert.equal(engine.interest().wants('tools/run.py'), true);
    // (Every Python module is read for the pipeline DAGs it may build: a TypeScript one shows the subjects alone.)
    assert.equal(engine.interest().wants('tools/other.ts'), false);
    engine.setFile('tools/run.py', 'class Run:\n    pass\n');
    engine.update();
    assert.deepEqual(engine.interest().files, [], 'once the subject exists its other candidates are not looked for');
    assert.deepEqual(
      engine.allDiagnostics().map((d) => d.code),
      ['RL026'],
    );
  });
});
