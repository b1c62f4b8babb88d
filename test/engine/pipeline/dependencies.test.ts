// Stage 6, dependencies: each module_id resolves in the companion's context; RL022 for an unknown one
// (error when required, warning when optional) with the closest names and a quick fix each; RL027
// when the dependency's version (meta, module attribute, or the default 1.0.0) misses the range.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics, checkFix } from '../helpers';
import { cursus, metaOf } from './snippets';

describe('pipeline 6: collect dependencies', () => {
  it('RL022 error for a required unknown dependency, warning for an optional one, with suggestions', async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Betta
      #              ^^^^^ RL022 Unknown required dependency 'Betta' in context 'core': apcore's discover() raises DependencyNotFoundError, so discovery of the whole root fails. Did you mean 'Beta'
        - module_id: Monitoring
      #              ^^^^^^^^^^ RL022 Unknown optional dependency 'Monitoring'
          optional: true
        - module_id: Gamma
    `);
    assert.deepEqual(
      diags.map((d) => d.severity),
      ['error', 'warning'],
    );
  });

  it('the RL022 quick fix replaces the module_id with a suggestion', async () => {
    await checkFix(
      `${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: "Gama$0"
    `,
      "Change to 'Gamma'",
      { 'src/cursus/steps/builders/builder_alpha_step_meta.yaml': 'dependencies:\n  - module_id: "Gamma"\n' },
    );
  });

  it('RL022 never suggests the module itself: the change would be a dependency cycle', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Gamma')}
      dependencies:
        - module_id: Gama
    `);
    const meta = 'src/cursus/steps/builders/builder_gamma_step_meta.yaml';
    const [d] = engine.diagnostics(meta).filter((x) => x.code === 'RL022');
    assert.ok(d);
    assert.doesNotMatch(d.message, /Did you mean 'Gamma'/);
    assert.ok(!d.fixes.some((f) => f.title === "Change to 'Gamma'"));
  });

  it("RL027 on the version range when the dependency's meta version, class version or default does not satisfy it", async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Beta')}
      version: 1.4.0
      //- /extensions/tool.py
      class Tool:
          description = "Tool."
          version = "3.1.0"
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
      //- /extensions/tool_meta.yaml
      tags: [tool]
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
          version: ^1.2.0
        - module_id: Beta
          version: ">=2"
      #            ^^^^^ RL027 'Beta' has version 1.4.0, which does not satisfy '>=2'
        - module_id: Gamma
          version: ^2.0.0
      #            ^^^^^^ RL027 'Gamma' has version 1.0.0 (the default: it declares none)
        - module_id: tool
          version: ~3.1
        - module_id: tool
          version: <3
      #            ^^ RL027 'tool' has version 3.1.0
    `);
    assert.equal(diags[0]?.related[0]?.file, 'src/cursus/steps/builders/builder_beta_step_meta.yaml');
  });

  it("resolves in the companion's own context: a workspace companion sees its workspace and core", async () => {
    const WS = 'developer_workspaces/developers/alice/src/cursus_dev';
    const { engine } = await analyze(`${cursus()}
      //- /${WS}/registry/workspace_registry.py
      WORKSPACE_METADATA = {"developer_id": "alice", "dependencies": ["Alpha", "numpy>=1.0", "Ghost"]}
      LOCAL_STEPS = {"Local": {"builder_step_name": "LocalStepBuilder", "sagemaker_step_type": "Processing", "description": "l"}}
      //- /${WS}/steps/builders/builder_local_step.py
      class LocalStepBuilder:
          pass
      //- /${WS}/steps/builders/builder_local_step_meta.yaml
      dependencies:
        - module_id: Alpha
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Local
    `);
    const codes = engine
      .allDiagnostics()
      .map((d) => [d.file.split('/').pop(), d.code, d.message.includes("context 'core'")]);
    assert.deepEqual(
      codes,
      [['builder_alpha_step_meta.yaml', 'RL022', true]],
      'core cannot see alice; WORKSPACE_METADATA names that are no entry are ignored',
    );
  });
});
