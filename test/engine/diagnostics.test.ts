// One test per diagnostic code of the cursus registries, with the exact ranges annotated inline.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from './helpers';
import { CORE, CORE_COMPONENTS } from './cursusCore';
import { DEFAULT_SAGEMAKER_STEP_TYPES } from '../../server/src/engine/model/settings';

const WS = '/developer_workspaces/developers';

describe('diagnostics: cursus registries', () => {
  it('a clean core registry has no diagnostics', async () => {
    await checkDiagnostics(CORE);
  });

  it('RL001 duplicate key, on the earlier key, related to the later', async () => {
    const diags = await checkDiagnostics(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {
          "Package": {
              "config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package",
              "sagemaker_step_type": "Processing",
              "description": "one",
          #   ^^^^^^^^^^^^^ RL001 Duplicate key 'description'
              "description": "two",
          },
      }
      ${CORE_COMPONENTS}`);
    assert.equal(diags[0]?.related[0]?.range.start.line, 5);
  });

  it('RL002 same local step in two workspaces, on each definition', async () => {
    const diags = await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "FeatureJoin": {"sagemaker_step_type": "Utility", "description": "join"},
      #   ^^^^^^^^^^^^^ RL002 also defined locally in workspace 'bob'
      }
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "FeatureJoin": {"sagemaker_step_type": "Utility", "description": "join"},
      #   ^^^^^^^^^^^^^ RL002 also defined locally in workspace 'alice'
      }
    `);
    assert.equal(diags[0]?.related.length, 1);
  });

  it('RL002 across seventy workspaces side by side (the path index reads them in groups of 32), after workspaces come and go', async () => {
    const ws = (n: number): string =>
      `${WS}/dev_${String(n).padStart(2, '0')}/src/cursus_dev/registry/workspace_registry.py`;
    const registry = (n: number): string =>
      `LOCAL_STEPS = {\n    "Own${n}": {"sagemaker_step_type": "Utility", "description": "own"},\n${[0, 31, 32, 63, 69].includes(n) ? '    "Shared": {"sagemaker_step_type": "Utility", "description": "shared"},\n' : ''}}\n`;
    const files = [...Array(70).keys()].map((n) => `//- ${ws(n)}\n${registry(n)}`).join('');
    const { engine } = await analyze(`${CORE}\n${files}`);
    const shared = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL002')
        .map((d) => `${d.file.split('/')[2]} ${d.related.length}`)
        .sort();
    assert.deepEqual(shared(), ['dev_00 4', 'dev_31 4', 'dev_32 4', 'dev_63 4', 'dev_69 4']);
    // Removing workspaces before the group boundaries shifts the workspaces into other groups; a new one lands past the end.
    for (const n of [1, 2, 3, 40]) engine.deleteFile(ws(n).slice(1));
    engine.update();
    assert.deepEqual(shared(), ['dev_00 4', 'dev_31 4', 'dev_32 4', 'dev_63 4', 'dev_69 4']);
    engine.setFile(ws(75).slice(1), registry(0).replace('Own0', 'Own75'));
    engine.deleteFile(ws(69).slice(1));
    engine.update();
    assert.deepEqual(shared(), ['dev_00 4', 'dev_31 4', 'dev_32 4', 'dev_63 4', 'dev_75 4']);
  });

  it('RL003 local step shadowing core and RL004 override of a missing core step', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": {"sagemaker_step_type": "Utility", "description": "my package"},
      #   ^^^^^^^^^ RL003 shadows the core step
      }
      STEP_OVERRIDES = {
          "XGBoostTrainng": {"sagemaker_step_type": "Utility", "description": "x"},
      #   ^^^^^^^^^^^^^^^^ RL004 Did you mean 'XGBoostTraining'?
      }
    `);
  });

  it('RL005 missing builder (value range, or key when absent); Base/Utility are exempt', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "CustomStepBuilder"},
      #                                                                                            ^^^^^^^^^^^^^^^^^^^ RL005 searched src/cursus/steps/builders/
          "NoBuilder": {"sagemaker_step_type": "Processing", "description": "c"},
      #   ^^^^^^^^^^^ RL005 has no builder_step_name
          "Helper": {"sagemaker_step_type": "Utility", "description": "c", "builder_step_name": "Nowhere"},
      #                                                                                         ^^^^^^^^^ RL012
      }
    `);
  });

  it('RL005 finds builders in the workspace before core, never in another workspace', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "CustomStepBuilder"},
      }
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_custom_step.py
      class CustomStepBuilder:
          pass
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Other": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "CustomStepBuilder"},
      #                                                                                           ^^^^^^^^^^^^^^^^^^^ RL005
      }
    `);
  });

  it('RL006 missing config class, RL007 only with checkAllComponents', async () => {
    const text = `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {
          "Package": {"sagemaker_step_type": "Processing", "description": "p", "builder_step_name": "PackageStepBuilder", "config_class": "MyPackageConfig"},
      #                                                                                                                                   ^^^^^^^^^^^^^^^^^ RL006
      }
    `;
    await checkDiagnostics(text);
    const { engine } = await analyze(text, { checkAllComponents: true });
    assert.ok(engine.allDiagnostics().some((d) => d.code === 'RL007' && d.message.includes('spec, contract, script')));
  });

  it('RL008 required fields (warning on the key) and wrong types (error on the value)', async () => {
    const diags = await checkDiagnostics(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {
          "Package": {"builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": ""},
      #   ^^^^^^^^^ RL008 missing required fields 'description', 'config_class', 'spec_type'
          "XGBoostTraining": {
              "config_class": "XGBoostTrainingConfig", "builder_step_name": "XGBoostTrainingStepBuilder", "spec_type": "XGBoostTraining",
              "sagemaker_step_type": "Training", "description": "d",
              "job_types": "training",
          #                ^^^^^^^^^^ RL008 must be list[str]
              "priority": "high",
          #               ^^^^^^ RL008 must be int
          },
      }
      ${CORE_COMPONENTS}`);
    assert.deepEqual(
      diags.map((d) => d.severity),
      ['warning', 'error', 'error'],
    );
  });

  it('RL009 invalid names and ids, RL012 naming conventions', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Data Loader!": {"sagemaker_step_type": "Utility", "description": "x"},
      #   ^^^^^^^^^^^^^^ RL009
          "custom_step": {"sagemaker_step_type": "Utility", "description": "x", "config_class": "CustomSettings"},
      #   ^^^^^^^^^^^^^ RL012 not PascalCase
      #                                                                                         ^^^^^^^^^^^^^^^^ RL012 does not end with 'Config'
      }
      WORKSPACE_METADATA = {"developer_id": "alice smith"}
      #                                     ^^^^^^^^^^^^^ RL009 Invalid workspace id
    `);
  });

  it('RL010 unknown sagemaker_step_type with a quick fix, respecting the setting', async () => {
    const text = `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Custom": {"sagemaker_step_type": "Procesing", "description": "x", "builder_step_name": "XGBoostTrainingStepBuilder"},
      #                                     ^^^^^^^^^^^ RL010 Did you mean 'Processing'?
      }
    `;
    const diags = await checkDiagnostics(text);
    assert.equal(diags[0]?.fixes[0]?.title, "Change to 'Processing'");
    const { engine } = await analyze(text, { sagemakerStepTypes: [...DEFAULT_SAGEMAKER_STEP_TYPES, 'Procesing'] });
    assert.deepEqual(engine.allDiagnostics(), []);
  });

  it('RL011 two steps sharing a config_class in one context', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "FastPackage": {"sagemaker_step_type": "Utility", "description": "x", "config_class": "PackageConfig"},
      #                                                                                         ^^^^^^^^^^^^^^^ RL011 shares config_class 'PackageConfig' with 'Package'
      }
      STEP_OVERRIDES = {
          "XGBoostTraining": {"sagemaker_step_type": "Utility", "description": "x", "config_class": "XGBoostTrainingConfig"},
      }
    `);
  });

  it('RL013 in hybrid mode only, where another workspace provides a used name', async () => {
    const text = `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {}
      WORKSPACE_METADATA = {"developer_id": "alice", "dependencies": ["pandas>=1.3", "SharedJoin", "Package"]}
      #                                                                              ^^^^^^^^^^^^ RL013 resolves only through workspace:bob
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"SharedJoin": {"sagemaker_step_type": "Utility", "description": "j"}}
    `;
    await checkDiagnostics(text, { mode: 'hybrid' });
    const { engine } = await analyze(text);
    assert.deepEqual(engine.allDiagnostics(), []);
  });

  it('RL014 WORKSPACE_STEPS, which cursus never reads: its steps are not registered, with or without LOCAL_STEPS', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Utility", "description": "a"}}
      WORKSPACE_STEPS = {"B": {"sagemaker_step_type": "Utility", "description": "b"}, "C": {}}
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      WORKSPACE_STEPS = {"D": {"sagemaker_step_type": "Utility", "description": "d"}}
    `);
    const ds = engine.allDiagnostics();
    assert.deepEqual(
      ds.map((d) => [d.file.split('/')[2], d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['alice', 'RL014', 1, 0, 15],
        ['bob', 'RL014', 0, 0, 15],
      ],
    );
    assert.equal(
      ds[0]?.message,
      "cursus never reads WORKSPACE_STEPS, only LOCAL_STEPS: its 2 steps 'B', 'C' are not registered. Move them into LOCAL_STEPS.",
    );
    assert.equal(ds[0]?.related?.[0]?.message, 'LOCAL_STEPS is defined here');
    assert.equal(
      ds[1]?.message,
      "cursus never reads WORKSPACE_STEPS, only LOCAL_STEPS: its step 'D' is not registered. Move it into LOCAL_STEPS.",
    );
    // Without a LOCAL_STEPS the variable's rename is the fix (not preferred: another line may name it); beside one, none.
    assert.deepEqual(ds[0]?.fixes ?? [], []);
    assert.deepEqual(
      ds[1]?.fixes.map((f) => [f.title, f.preferred === true, f.edits[0]?.edits[0]?.newText]),
      [['Rename WORKSPACE_STEPS to LOCAL_STEPS', false, 'LOCAL_STEPS']],
    );
    assert.deepEqual(engine.stepNames('alice'), ['A', 'Package', 'XGBoostTraining']);
    assert.deepEqual(engine.stepNames('bob'), ['Package', 'XGBoostTraining']);
  });

  it('RL015 two workspaces with one id, on both registry files', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      WORKSPACE_METADATA = {"developer_id": "team"}
      #                                     ^^^^^^ RL015
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      WORKSPACE_METADATA = {"developer_id": "team"}
      #                                     ^^^^^^ RL015
    `);
  });

  it('RL016 unknown field close to a known one, with a rename fix', async () => {
    const diags = await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Helper": {"sagemaker_step_type": "Utility", "description": "x", "builder_stepname": "HelperStepBuilder", "custom_features": ["a"]},
      #                                                                    ^^^^^^^^^^^^^^^^^^ RL016 Did you mean 'builder_step_name'?
      }
    `);
    assert.equal(diags[0]?.fixes[0]?.edits[0]?.edits[0]?.newText, 'builder_step_name');
  });

  it('a field named like an Object property (constructor, toString) is an unknown field, not a typed one', async () => {
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Helper": {"sagemaker_step_type": "Utility", "description": "x", "constructor": "x", "toString": 1, "__proto__": []},
      }
    `);
  });

  it('RL030 a syntax error in one entry leaves the other entries analysed', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "First": {"sagemaker_step_type": "Utility", "description": "a",, },
          "Second": {"sagemaker_step_type": "Utility", "description": "b"},
          "Third": {"sagemaker_step_type": "Nope", "description": "c", "builder_step_name": "PackageStepBuilder"},
      }
    `);
    assert.deepEqual(
      engine.allDiagnostics().map((d) => d.code),
      ['RL030', 'RL010'],
    );
    assert.deepEqual(
      engine.stepNames('alice').filter((n) => !['Package', 'XGBoostTraining'].includes(n)),
      ['First', 'Second', 'Third'],
    );
  });

  it('RL031 a non-literal STEP_NAMES contributes nothing', async () => {
    const { engine } = await analyze(`
      //- /src/cursus/registry/step_names.py
      from .loader import load
      STEP_NAMES = load()
    `);
    const [d] = engine.allDiagnostics();
    assert.equal(d?.code, 'RL031');
    assert.equal(d?.severity, 'information');
    assert.deepEqual(engine.stepNames(), []);
  });

  it('reads annotated assignments, core YAML registries and ignores derived dicts', async () => {
    const { engine } = await analyze(`
      //- /src/cursus/registry/step_names.py
      from typing import Dict, Any
      STEP_NAMES: Dict[str, Dict[str, Any]] = {
          "Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Processing", "description": "p"},
      }
      CONFIG_STEP_REGISTRY = {info["config_class"]: name for name, info in STEP_NAMES.items()}
      //- /other/registry/step_names.yaml
      step_names:
        Registration:
          config_class: RegistrationConfig
          builder_step_name: RegistrationStepBuilder
          spec_type: Registration
          sagemaker_step_type: Registry
      #                        ^^^^^^^^ RL010
          description: Registers the model
      ${CORE_COMPONENTS}`);
    assert.deepEqual(engine.stepNames(), ['Package', 'Registration']);
    assert.deepEqual(
      engine
        .allDiagnostics()
        .map((d) => d.code)
        .sort(),
      ['RL005', 'RL006', 'RL010'],
    );
  });

  it('severity settings override or switch off a code', async () => {
    const text = `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Package": {"sagemaker_step_type": "Utility", "description": "p"}}
    `;
    const { engine } = await analyze(text, { severity: { RL003: 'error' } });
    assert.deepEqual(
      engine.allDiagnostics().map((d) => d.severity),
      ['error'],
    );
    const off = await analyze(text, { severity: { RL003: 'off' } });
    assert.deepEqual(off.engine.allDiagnostics(), []);
  });

  it("hostile input: binary files and files skipped by the host's size policy get a diagnostic, deep nesting does not crash", async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {"sagemaker_step_type": "Utility", "description": "a", "job_types": ${deep}}}
    `);
    assert.ok(engine.allDiagnostics().every((d) => d.code === 'RL008'));
    engine.setFile(
      'developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py',
      'LOCAL_STEPS = {}\0\0',
    );
    engine.setSkipped(
      'src/cursus/steps/builders/huge.py',
      'it is 3 MB, over the limit of 2 MB (setting registryLens.maxFileSizeMB)',
    );
    assert.deepEqual(engine.update(), [
      'developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py',
      'src/cursus/steps/builders/huge.py',
    ]);
    const skipped = engine
      .allDiagnostics()
      .filter((d) => d.code === 'RL030')
      .map((d) => d.message);
    assert.equal(skipped.length, 2);
    assert.ok(skipped.some((m) => m.includes('binary')) && skipped.some((m) => m.includes('over the limit')));
    engine.setFile('src/cursus/steps/builders/huge.py', 'x = 1\n');
    assert.deepEqual(engine.update(), ['src/cursus/steps/builders/huge.py']);
    assert.equal(engine.diagnostics('src/cursus/steps/builders/huge.py').length, 0);
  });
});
