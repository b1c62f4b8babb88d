// Editor features of the engine: hover, definition, references, rename, completion, quick fixes,
// symbols and code lenses, each through its helper on an inline workspace.
import { strict as assert } from 'node:assert';
import {
  analyze,
  applyEdits,
  checkCompletion,
  checkDefinition,
  checkFix,
  checkHover,
  checkReferences,
} from './helpers';
import { CORE } from './cursusCore';

const WS = '/developer_workspaces/developers';
describe('features', () => {
  it('hover on an override key shows the winner, what it shadows and its builder, then its fields', async () => {
    const md = await checkHover(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {
          "XGBoost$0Training": {"sagemaker_step_type": "Training", "description": "Custom XGBoost", "builder_step_name": "CustomXGBoostTrainingStepBuilder"},
      }
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_custom_xgboost_training_step.py
      class CustomXGBoostTrainingStepBuilder:
          pass
    `,
      [
        '**XGBoostTraining** · `override:alice`',
        'context `alice`',
        '| description | `"Custom XGBoost"` |',
        'Shadows: `core`',
        'builder: `CustomXGBoostTrainingStepBuilder` (`developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_xgboost_training_step.py:1`)',
      ],
    );
    // The answer comes first: the winner on the first line, then what it shadows and its classes, the fields last,
    // below a rule, so that a long table never pushes the answer out of the hover's view.
    const at = (s: string): number => md.indexOf(s);
    assert.match(md.split('\n')[0] ?? '', /^\*\*XGBoostTraining\*\* · `override:alice` — resolved in context `alice`/);
    assert.ok(at('Shadows:') < at('builder:') && at('builder:') < at('\n---\n') && at('\n---\n') < at('| field |'), md);
  });

  it('hover on a shadowed local definition says it is not the one used', async () => {
    await checkHover(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Pack$0age": {"sagemaker_step_type": "Utility", "description": "local"}}
      STEP_OVERRIDES = {"Package": {"sagemaker_step_type": "Utility", "description": "override"}}
    `,
      ['`override:alice`', 'This definition (`workspace:alice`) is not the one used in this context.'],
    );
  });

  it('hover on a field key documents it, on a builder value locates the class', async () => {
    await checkHover(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Utility", "prior$0ity": 1, "description": "a"}}
    `,
      ['**priority**: `int`', 'lower wins'],
    );
    // A field named like an Object property is free metadata, not a property of the field table.
    await checkHover(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Utility", "constr$0uctor": 1, "description": "a"}}
    `,
      ['**constructor**: free metadata (not a known step field)'],
    );
    await checkHover(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Training", "builder_step_name": "XGBoostTraining$0StepBuilder", "description": "a"}}
    `,
      ['**class XGBoostTrainingStepBuilder**', 'src/cursus/steps/builders/builder_xgboost_training_step.py:1'],
    );
  });

  it('definition: builder value → class, override key → core entry, dependency → winner', async () => {
    await checkDefinition(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Training", "builder_step_name": "XGBoost$0TrainingStepBuilder", "description": "a"}}
      //- /src/cursus/steps/builders/builder_xgboost_training_step.py
      class XGBoostTrainingStepBuilder(StepBuilderBase):
      #     ^^^^^^^^^^^^^^^^^^^^^^^^^^ def
          pass
    `);
    await checkDefinition(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {"Package": {"sagemaker_step_type": "Utility", "description": "p"}}
      #             ^^^^^^^^^ def
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"Pack$0age": {"sagemaker_step_type": "Utility", "description": "override"}}
    `);
    await checkDefinition(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {"Package": {"sagemaker_step_type": "Utility", "description": "p"}}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Package": {"sagemaker_step_type": "Utility", "description": "local"}}
      #              ^^^^^^^^^ def
      WORKSPACE_METADATA = {"dependencies": ["Pack$0age"]}
    `);
  });

  it('references cover every registry definition and dependency of the name', async () => {
    await checkReferences(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {"Package": {"sagemaker_step_type": "Utility", "description": "p"}}
      #             ^^^^^^^^^ ref
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"Pack$0age": {"sagemaker_step_type": "Utility", "description": "override"}}
      #                 ^^^^^^^^^ ref
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Other": {"sagemaker_step_type": "Utility", "description": "o"}}
      WORKSPACE_METADATA = {"dependencies": ["Package", "numpy"]}
      #                                      ^^^^^^^^^ ref
    `);
  });

  it('rename edits the inside of every quoted occurrence', async () => {
    const { engine, fx } = await analyze(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {'Package': {"sagemaker_step_type": "Utility", "description": "p"}}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"Pack$0age": {"sagemaker_step_type": "Utility", "description": "override"}}
    `);
    const c = fx.cursor as NonNullable<typeof fx.cursor>;
    assert.equal(engine.prepareRename(c.file, c.position)?.placeholder, 'Package');
    const r = engine.rename(c.file, c.position, 'ModelPackage');
    const texts = new Map(
      (r?.edits ?? []).map(({ file, edits }) => [file, applyEdits(engine.text(file) ?? '', edits)]),
    );
    assert.ok(texts.get('src/cursus/registry/step_names.py')?.startsWith("STEP_NAMES = {'ModelPackage': {"));
    assert.ok(
      texts
        .get(`${WS.slice(1)}/alice/src/cursus_dev/registry/workspace_registry.py`)
        ?.startsWith('STEP_OVERRIDES = {"ModelPackage": {'),
    );
    assert.equal(engine.rename(c.file, c.position, 'bad name!'), null);
  });

  it('completion: field names inside an entry, sagemaker types and builder classes as values, core names in STEP_OVERRIDES', async () => {
    await checkCompletion(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "A": {
              "sagemaker_step_type": "Utility",
              "$0
          },
      }
    `,
      ['builder_step_name', 'description', 'job_types'],
      ['sagemaker_step_type'],
    );
    await checkCompletion(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"description": "a", "sagemaker_step_type": "Tr$0"}}
    `,
      ['Training', 'Processing', 'CradleDataLoading'],
    );
    await checkCompletion(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"description": "a", "builder_step_name": "$0"}}
    `,
      ['XGBoostTrainingStepBuilder', 'PackageStepBuilder'],
      ['PackageConfig'],
    );
    await checkCompletion(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {
          "Package": {"sagemaker_step_type": "Utility", "description": "p"},
          "$0
      }
    `,
      ['XGBoostTraining'],
      ['Package'],
    );
  });

  it("completion of class values ranks the file's own workspace's classes before core's, each group alphabetical", async () => {
    for (const [field, kind] of [
      ['builder_step_name', 'StepBuilder'],
      ['config_class', 'Config'],
    ] as const) {
      const { engine, fx } = await analyze(`${CORE}
        //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
        LOCAL_STEPS = {"A": {"description": "a", "${field}": "$0"}}
        //- ${WS}/alice/src/cursus_dev/steps/${kind === 'Config' ? 'configs/config_zeta.py' : 'builders/builder_zeta_step.py'}
        class Zeta${kind}:
            pass
        class Alpha${kind}:
            pass
        //- ${WS}/bob/src/cursus_dev/steps/${kind === 'Config' ? 'configs/config_bob.py' : 'builders/builder_bob_step.py'}
        class Bob${kind}:
            pass
      `);
      assert.ok(fx.cursor);
      const items = engine.completion(fx.cursor.file, fx.cursor.position);
      const ranked = [...items]
        .sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1))
        .map((i) => i.label);
      assert.deepEqual(ranked, [`Alpha${kind}`, `Zeta${kind}`, `Package${kind}`, `XGBoostTraining${kind}`]);
    }
  });

  it('quick fixes: RL003 moves the entry to STEP_OVERRIDES, RL005 creates a builder stub, RL004 renames', async () => {
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Pack$0age": {"sagemaker_step_type": "Utility", "description": "mine"},
          "Other": {"sagemaker_step_type": "Utility", "description": "o"},
      }
    `,
      "Move 'Package' to STEP_OVERRIDES",
      {
        'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py':
          'LOCAL_STEPS = {\n    "Other": {"sagemaker_step_type": "Utility", "description": "o"},\n}\n\nSTEP_OVERRIDES = {\n    "Package": {"sagemaker_step_type": "Utility", "description": "mine"},\n}\n',
      },
    );
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "Custom$0StepBuilder"}}
    `,
      'Create builder stub',
      {
        'developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_step.py':
          '~class CustomStepBuilder(StepBuilderBase):',
      },
    );
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "Custom$0StepBuilder"}}
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_custom_step.py
      import os
      class OldCustomBuilder:
          pass
    `,
      'Create builder stub',
      {
        'developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_step.py':
          'import os\nfrom cursus.core.base.builder_base import StepBuilderBase\nclass OldCustomBuilder:\n    pass\n\n\nclass CustomStepBuilder(StepBuilderBase):\n    """Builds the SageMaker step for Custom from a CustomConfig."""\n\n    def create_step(self, **kwargs):\n        raise NotImplementedError("CustomStepBuilder.create_step")\n',
      },
    );
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"XGBoostTrain$0ng": {"sagemaker_step_type": "Utility", "description": "x"}}
    `,
      "Override 'XGBoostTraining' instead",
      {
        'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py':
          'STEP_OVERRIDES = {"XGBoostTraining": {"sagemaker_step_type": "Utility", "description": "x"}}\n',
      },
    );
  });

  it('document symbols outline registries and steps; workspace symbols find entries; code lenses summarise', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Package": {"sagemaker_step_type": "Utility", "description": "mine"}}
      STEP_OVERRIDES = {"XGBoostTraining": {"sagemaker_step_type": "Utility", "description": "x"}}
    `);
    const outline = engine.documentSymbols('src/cursus/registry/step_names.py');
    assert.deepEqual(
      outline.map((s) => [s.name, s.children.map((c) => c.name)]),
      [['STEP_NAMES', ['XGBoostTraining', 'Package']]],
    );
    assert.deepEqual(
      engine.workspaceSymbols('xgbtr').map((s) => s.containerName),
      ['core', 'override:alice'],
    );
    assert.deepEqual(
      engine.codeLenses('src/cursus/registry/step_names.py').map((l) => l.title),
      ['overridden in 1 workspace', 'shadowed in 1 workspace'],
    );
    assert.deepEqual(
      engine
        .codeLenses('developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py')
        .map((l) => l.title),
      ['shadows core', 'overrides core'],
    );
  });
});
