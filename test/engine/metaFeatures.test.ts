// Editor features in `*_meta.yaml` files: completion of schema keys, module_id and entry_point values;
// hover on a module_id (the resolved entry, merged) and on keys (schema docs); definition from
// module_id and entry_point; references and rename through meta files; Explain at the cursor.
import { strict as assert } from 'node:assert';
import { analyze, checkCompletion, checkDefinition, checkHover, checkReferences } from './helpers';
import { cursus, metaOf, moduleClass } from './pipeline/snippets';

const MODULES = `
  //- /extensions/mail/send.py
  ${moduleClass('SendMail', 'Sends mail.', 2)}
  //- /extensions/mail/send_meta.yaml
  description: Send mail
  version: 1.3.0
`;

describe('meta files: editor features', () => {
  it('completes top-level schema keys that are not written yet, and dependency item keys', async () => {
    await checkCompletion(
      `${cursus()}
      //- ${metaOf('Alpha')}
      description: x
      ver$0
      tags: [a]
    `,
      ['version', 'dependencies', 'entry_point', 'metadata'],
      ['description', 'tags', 'module_id', 'deprecated', 'sunset_date'],
    );
    await checkCompletion(
      `${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
          $0
    `,
      ['version', 'optional'],
      ['module_id', 'description'],
    );
    await checkCompletion(
      `${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - $0
    `,
      ['module_id', 'version', 'optional'],
      ['description'],
    );
  });

  it("completes module_id with the names of the context (not the entry itself) and entry_point with the subject's classes", async () => {
    const labels = await checkCompletion(
      `${cursus()}${MODULES}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: "Be$0"
    `,
      ['Beta', 'Gamma', 'mail.send'],
      ['Alpha'],
    );
    assert.ok(labels.length >= 4);
    await checkCompletion(
      `${cursus()}
      //- ${metaOf('Alpha')}
      entry_point: $0
    `,
      ['builder_alpha_step.py:AlphaStepBuilder'],
    );
  });

  it('hover on a module_id shows the resolved entry with its merged fields; on a key, the schema documentation', async () => {
    const md = await checkHover(
      `${cursus()}${MODULES}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: mail.se$0nd
    `,
      [
        '**mail\\.send** · `module`',
        '| description | `"Send mail"` | meta |',
        'module class: `SendMail`',
        'Dependents: `Alpha`',
      ],
    );
    assert.ok(!md.includes('builder:'), 'a module has no cursus components');
    await checkHover(
      `${cursus()}
      //- ${metaOf('Alpha')}
      ver$0sion: 1.0.0
    `,
      ['**version**: `string` (default `"1.0.0"`)', 'parse_semver'],
    );
    await checkHover(
      `${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Nope$0
    `,
      ['**Nope** — not found in context `core`'],
    );
  });

  it('definition: module_id goes to the winning entry (a module to its class), entry_point to the class', async () => {
    await checkDefinition(`${cursus(['Alpha'])}
      //- /src/cursus/registry/step_names.yaml
      step_names:
        Beta: {config_class: BetaConfig, builder_step_name: BetaStepBuilder, spec_type: Beta, sagemaker_step_type: Utility, description: b}
      # ^^^^ def
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Be$0ta
    `);
    await checkDefinition(`${cursus(['Alpha'])}
      //- /extensions/tool.py
      class Tool:
      #     ^^^^ def
          """Tool."""
          input_schema = In
          output_schema = Out
          def execute(self, inputs, context):
              return None
      //- /extensions/tool_meta.yaml
      description: t
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: to$0ol
    `);
    await checkDefinition(`${cursus(['Alpha'])}
      //- ${metaOf('Alpha')}
      entry_point: builder_alpha_step.py:Alpha$0StepBuilder
      //- /src/cursus/steps/builders/builder_alpha_step.py
      class AlphaStepBuilder:
      #     ^^^^^^^^^^^^^^^^ def
          pass
    `);
  });

  it('references and rename of a step reach the module_ids of meta files', async () => {
    await checkReferences(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {
          "Alpha": {"sagemaker_step_type": "Utility", "description": "a", "config_class": "AlphaConfig", "builder_step_name": "AlphaStepBuilder", "spec_type": "Alpha"},
      #   ^^^^^^^ ref
          "Beta": {"sagemaker_step_type": "Utility", "description": "b", "config_class": "BetaConfig", "builder_step_name": "BetaStepBuilder", "spec_type": "Beta"},
      }
      //- /src/cursus/steps/builders/builder_beta_step.py
      class BetaStepBuilder:
          pass
      //- /src/cursus/steps/builders/builder_beta_step_meta.yaml
      dependencies:
        - module_id: Al$0pha
      #              ^^^^^ ref
    `);
    const { engine, fx } = await analyze(`${cursus()}
      //- ${metaOf('Beta')}
      dependencies:
        - module_id: "Al$0pha"
    `);
    const c = fx.cursor;
    assert.ok(c);
    const edits = engine
      .rename(c.file, c.position, 'AlphaPrime')
      ?.edits.map((e) => [
        e.file,
        e.edits.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.character} ${x.newText}`),
      ]);
    assert.deepEqual(edits, [
      ['src/cursus/registry/step_names.py', ['1:5-10 AlphaPrime']],
      ['src/cursus/steps/builders/builder_beta_step_meta.yaml', ['1:16-21 AlphaPrime']],
    ]);
  });

  it('Explain at the cursor in a meta file: the dependency under it, else the entry the file describes; symbols outline it', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      description: a
      dependencies:
        - module_id: Beta
    `);
    const file = 'src/cursus/steps/builders/builder_alpha_step_meta.yaml';
    assert.equal(engine.stepAt(file, { line: 2, character: 16 }), 'Beta');
    assert.equal(engine.stepAt(file, { line: 0, character: 2 }), 'Alpha');
    assert.deepEqual(
      engine.documentSymbols(file).map((s) => [s.name, s.children.map((c) => c.name)]),
      [
        ['description', []],
        ['dependencies', ['Beta']],
      ],
    );
    assert.deepEqual(
      engine.codeLenses('src/cursus/registry/step_names.py').map((l) => l.title),
      ['1 dependent'],
    );
  });
});
