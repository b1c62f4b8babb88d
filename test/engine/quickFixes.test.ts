// Quick fixes that leave working code: stubs import their base class the way sibling files do, a class
// appended to an existing file brings its import, RL005 without builder_step_name gets a fix, "Fix
// all" applies exactly the unambiguous fixes, and every diagnostic can be suppressed by a comment.
import { strict as assert } from 'node:assert';
import { analyze, applyEdits, checkDiagnostics, checkFix } from './helpers';
import { CORE } from './cursusCore';

const WS = '/developer_workspaces/developers';
const REG = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';

describe('quick fixes', () => {
  it('a new builder stub imports its base class from where the sibling builders do', async () => {
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "Custom$0StepBuilder"}}
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_other_step.py
      from cursus.core.base import StepBuilderBase
      class OtherStepBuilder(StepBuilderBase):
          pass
    `,
      'Create builder stub',
      {
        'developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_step.py':
          '~"""Step builder for Custom."""\n\nfrom cursus.core.base import StepBuilderBase\n\n\nclass CustomStepBuilder(StepBuilderBase):',
      },
    );
  });

  it('without siblings, a workspace stub imports from the cursus package (a relative import would leave cursus_dev)', async () => {
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "CustomStepBuilder", "config_class": "Custom$0Config"}}
    `,
      'Create config stub',
      {
        'developer_workspaces/developers/alice/src/cursus_dev/steps/configs/config_custom_step.py':
          '~from cursus.core.base.config_base import BasePipelineConfig\n',
      },
    );
  });

  it('a config class appended to a file that lacks the import gets it after the existing imports', async () => {
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "description": "c", "builder_step_name": "CustomStepBuilder", "config_class": "Custom$0Config"}}
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_custom_step.py
      class CustomStepBuilder:
          pass
      //- ${WS}/alice/src/cursus_dev/steps/configs/config_custom_step.py
      """Configs."""
      from typing import Optional
      import os

      class OldConfig:
          pass
    `,
      'Create config stub',
      {
        'developer_workspaces/developers/alice/src/cursus_dev/steps/configs/config_custom_step.py':
          '"""Configs."""\nfrom typing import Optional\nimport os\nfrom cursus.core.base.config_base import BasePipelineConfig\n\nclass OldConfig:\n    pass\n\n\nclass CustomConfig(BasePipelineConfig):\n    """Configuration of the Custom step."""\n',
      },
    );
  });

  it('RL005 without builder_step_name: adds the field (and the stub when the class does not exist)', async () => {
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Cus$0tom": {
              "sagemaker_step_type": "Processing",
              "description": "c",
          },
      }
    `,
      'Add "builder_step_name": "CustomStepBuilder" and create its stub',
      {
        [REG]:
          'LOCAL_STEPS = {\n    "Custom": {\n        "builder_step_name": "CustomStepBuilder",\n        "sagemaker_step_type": "Processing",\n        "description": "c",\n    },\n}\n',
        'developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_step.py':
          '~class CustomStepBuilder(StepBuilderBase):',
      },
    );
    await checkFix(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"Pack$0age": {"sagemaker_step_type": "Processing", "description": "c"}}
    `,
      'Add "builder_step_name": "PackageStepBuilder"',
      {
        [REG]:
          'STEP_OVERRIDES = {"Package": {"builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "c"}}\n',
      },
    );
    // the fixed file analyses clean
    await checkDiagnostics(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"Package": {"builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "c"}}
    `);
  });

  it('RL016 has no rename when the entry has the field already: the rename would duplicate the key', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Custom": {"sagemaker_step_type": "Processing", "descriptoin": "c", "description": "d"}}
    `);
    const [d] = engine.diagnostics(REG).filter((x) => x.code === 'RL016');
    assert.ok(d);
    assert.deepEqual(d.fixes, []);
  });

  it('Fix all applies every unambiguous fix of the file at once and nothing else', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Custom": {"sagemaker_step_type": "Processing", "descriptoin": "c", "builder_step_name": "CustomStepBuilder", "config_class": "CustomConfig"},
          "Package": {"sagemaker_step_type": "Utility", "description": "shadows core"},
      }
    `);
    const codes = engine
      .diagnostics(REG)
      .map((d) => d.code)
      .sort();
    assert.deepEqual(codes, ['RL003', 'RL005', 'RL006', 'RL008', 'RL016']); // RL008: the misspelt description
    const fix = engine.fixAll(REG);
    assert.ok(fix);
    assert.deepEqual((fix.createFiles ?? []).map((f) => f.file).sort(), [
      'developer_workspaces/developers/alice/src/cursus_dev/steps/builders/builder_custom_step.py',
      'developer_workspaces/developers/alice/src/cursus_dev/steps/configs/config_custom_step.py',
    ]);
    const reg = fix.edits.find((e) => e.file === REG);
    assert.ok(reg);
    const after = applyEdits(engine.text(REG) ?? '', reg.edits);
    assert.match(after, /"description": "c"/); // RL016 renamed; RL003 (two possible fixes) left alone
    assert.match(after, /"Package": \{"sagemaker_step_type": "Utility"/);
    for (const f of fix.createFiles ?? []) engine.setFile(f.file, f.text);
    engine.setFile(REG, after);
    engine.update();
    assert.deepEqual(
      engine.diagnostics(REG).map((d) => d.code),
      ['RL003'],
    );
    assert.equal(engine.fixAll(REG), null);
  });
});

describe('suppression comments', () => {
  it('a trailing comment or one on the line above suppresses the named codes only, in Python and YAML', async () => {
    await checkDiagnostics(
      `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": {"sagemaker_step_type": "Utility", "description": "mine"},  # registry-lens: ignore[RL003]
          # registry-lens: ignore[RL005, RL003]
          "XGBoostTraining": {"sagemaker_step_type": "Processing", "description": "x"},
          "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL016]
        # ^^^^^^^ RL005
      }
      //- /src/cursus/registry/step_names.yaml
      step_names:
        Yaml1:  # registry-lens: ignore
          sagemaker_step_type: Processing
          description: y
        Yaml2:
      # ^^^^^ RL005
          sagemaker_step_type: Processing
          description: y
    `,
      {},
      { only: ['RL003', 'RL005'] },
    );
  });

  it('comments are found on the right line whatever ends the lines, and read again when the text changes', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": {"sagemaker_step_type": "Utility", "description": "mine"},  # registry-lens: ignore[RL003]
          # registry-lens: ignore[RL005, RL003]
          "XGBoostTraining": {"sagemaker_step_type": "Processing", "description": "x"},
          "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL016]
      }
    `);
    const shown = (): string[] =>
      engine
        .diagnostics(REG)
        .filter((d) => d.code === 'RL003' || d.code === 'RL005')
        .map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepEqual(shown(), ['RL005@4']);
    const lf = engine.text(REG) ?? '';
    for (const eol of ['\r\n', '\r', '\n']) {
      engine.setFile(REG, lf.replace(/\n/g, eol));
      engine.update();
      assert.deepEqual(shown(), ['RL005@4'], JSON.stringify(eol));
    }
    engine.setFile(REG, lf.replace('  # registry-lens: ignore[RL003]', ''));
    engine.update();
    assert.deepEqual(shown(), ['RL003@1', 'RL005@4']);
  });

  it('the quick fix adds a comment, or the code to the comment already there, and the diagnostic goes', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": {"sagemaker_step_type": "Utility", "description": "mine"},
          "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL016]
      }
    `);
    const at = (line: number) => engine.fixes(REG, { start: { line, character: 6 }, end: { line, character: 6 } });
    const s1 = at(1).find((f) => f.fix.title === 'Suppress RL003 on this line');
    const s2 = at(2).find((f) => f.fix.title === 'Suppress RL005 on this line');
    assert.ok(s1 && s2);
    let text = engine.text(REG) ?? '';
    text = applyEdits(text, [...(s1.fix.edits[0]?.edits ?? []), ...(s2.fix.edits[0]?.edits ?? [])]);
    assert.equal(
      text.split('\n')[1],
      '    "Package": {"sagemaker_step_type": "Utility", "description": "mine"},  # registry-lens: ignore[RL003]',
    );
    assert.equal(
      text.split('\n')[2],
      '    "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL016, RL005]',
    );
    engine.setFile(REG, text);
    engine.update();
    // what is left: RL016 never was reported on that line (RL033), RL005 is used
    assert.deepEqual(
      engine.diagnostics(REG).map((d) => `${d.code}@${d.range.start.line} ${d.message}`),
      ['RL033@2 Unused suppression: no RL016 is reported on the line this comment covers'],
    );
  });

  it('a line continued by a backslash gets the comment alone on the line above (after the backslash it ends the line too early)', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Package": \\
              {"sagemaker_step_type": "Utility", "description": "mine"},
          "Other": {"sagemaker_step_type": "Processing", "description": "o"}, \\
          "XGBoostTraining": \\
              {"sagemaker_step_type": "Processing", "description": "x"},
      }
    `);
    const titles = (line: number): string[] =>
      engine.fixes(REG, { start: { line, character: 6 }, end: { line, character: 6 } }).map((f) => f.fix.title);
    const s = engine
      .fixes(REG, { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } })
      .find((f) => f.fix.title === 'Suppress RL003 on this line');
    assert.ok(s);
    const text = applyEdits(engine.text(REG) ?? '', s.fix.edits[0]?.edits ?? []);
    assert.deepEqual(text.split('\n').slice(1, 3), ['    # registry-lens: ignore[RL003]', '    "Package": \\']);
    // a continued line whose line above continues too: no line can take the comment (its other fixes stay)
    assert.deepEqual(
      titles(4).filter((t) => t.startsWith('Suppress')),
      [],
    );
    assert.ok(titles(4).length > 0);
    engine.setFile(REG, text);
    engine.update();
    assert.deepEqual(
      engine
        .diagnostics(REG)
        .filter((d) => d.code === 'RL003' || d.code === 'RL030')
        .map((d) => `${d.code}@${d.range.start.line}`),
      ['RL003@5'],
    );
  });

  it('a JSON file (a pipeline DAG) is offered no suppression comment: JSON has no comments', async () => {
    const { engine } = await analyze(`${CORE}
      //- /projects/p/e2e.dag.json
      {"dag": {"nodes": ["Lone"], "edges": []}}
    `);
    const dag = 'projects/p/e2e.dag.json';
    assert.ok(engine.diagnostics(dag).length > 0);
    const whole = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    assert.deepEqual(
      engine.fixes(dag, whole).filter((f) => f.fix.title.startsWith('Suppress')),
      [],
    );
  });

  it('RL033 marks a comment that suppresses nothing, or only its unused codes; its fix removes exactly those, and the hint goes', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      # registry-lens: ignore[RL005]
      LOCAL_STEPS = {
          "Package": {"sagemaker_step_type": "Utility", "description": "mine"},  # registry-lens: ignore[RL003, RL016]
          "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL005]
          # registry-lens: ignore
          "Third": {"sagemaker_step_type": "Processing", "description": "t"},
          "Fourth": {"sagemaker_step_type": "Utility", "description": "f"},  # registry-lens: ignore
      }
      //- ${WS}/alice/src/cursus_dev/steps/builders/builder_fourth_step.py
      class FourthStepBuilder:  # registry-lens: ignore[RL005]
          pass
    `);
    const BUILDER = `${WS.slice(1)}/alice/src/cursus_dev/steps/builders/builder_fourth_step.py`;
    const hints = (file: string): string[] =>
      engine
        .diagnostics(file)
        .filter((d) => d.code === 'RL033')
        .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
    // line 0 covers line 1 (nothing there), line 2 suppresses RL003 but not RL016, line 3 suppresses RL005,
    // the own-line comment of line 4 covers Third's RL005, the trailing one of line 6 covers nothing
    assert.deepEqual(hints(REG), [
      '0:0-30 Unused suppression: no RL005 is reported on the line this comment covers',
      '2:75-112 Unused suppression: no RL016 is reported on the line this comment covers',
      '6:71-94 This suppression comment suppresses nothing: no diagnostic is reported on the line it covers',
    ]);
    assert.deepEqual(hints(BUILDER), [
      '0:26-56 Unused suppression: no RL005 is reported on the line this comment covers',
    ]);
    assert.deepEqual(
      engine.diagnostics(REG).filter((d) => d.code !== 'RL033'),
      [],
      'the used suppressions still suppress',
    );
    const fixesOf = (file: string) =>
      engine
        .diagnostics(file)
        .filter((d) => d.code === 'RL033')
        .map((d) => engine.fixes(file, d.range).find((f) => f.diagnostic === d || f.diagnostic.range === d.range));
    for (const f of fixesOf(REG))
      assert.ok(
        f && !engine.fixes(REG, f.diagnostic.range).some((x) => x.fix.title.startsWith('Suppress RL033')),
        'no suppression of RL033 is offered',
      );
    const edits = fixesOf(REG).flatMap((f) => f?.fix.edits[0]?.edits ?? []);
    const text = applyEdits(engine.text(REG) ?? '', edits);
    assert.deepEqual(text.split('\n').slice(0, 7), [
      'LOCAL_STEPS = {',
      '    "Package": {"sagemaker_step_type": "Utility", "description": "mine"},  # registry-lens: ignore[RL003]',
      '    "Other": {"sagemaker_step_type": "Processing", "description": "o"},  # registry-lens: ignore[RL005]',
      '    # registry-lens: ignore',
      '    "Third": {"sagemaker_step_type": "Processing", "description": "t"},',
      '    "Fourth": {"sagemaker_step_type": "Utility", "description": "f"},',
      '}',
    ]);
    engine.setFile(REG, text);
    const builderText = applyEdits(
      engine.text(BUILDER) ?? '',
      fixesOf(BUILDER).flatMap((f) => f?.fix.edits[0]?.edits ?? []),
    );
    assert.equal(builderText.split('\n')[0], 'class FourthStepBuilder:');
    engine.setFile(BUILDER, builderText);
    engine.update();
    assert.deepEqual([...engine.diagnostics(REG), ...engine.diagnostics(BUILDER)], []);
  });

  it('RL033 is not reported when turned off (what the CLI does unless --report-unused-suppressions), and follows the setting', async () => {
    const src = `${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"Package": {"sagemaker_step_type": "Utility", "description": "mine"}}  # registry-lens: ignore[RL016]
    `;
    const { engine } = await analyze(src, { severity: { RL033: 'off' } });
    assert.deepEqual(
      engine.diagnostics(REG).map((d) => d.code),
      ['RL003'],
    );
    engine.configure({});
    engine.update();
    assert.deepEqual(
      engine.diagnostics(REG).map((d) => d.code),
      ['RL003', 'RL033'],
    );
  });
});

describe('completion of values', () => {
  const complete = async (text: string): Promise<{ label: string; insertText?: string }[]> => {
    const { engine, fx } = await analyze(text);
    assert.ok(fx.cursor);
    return engine.completion(fx.cursor.file, fx.cursor.position);
  };
  it('offers values in an entry that has every field, before the quote (quoted), and in YAML', async () => {
    const full = `"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "A"`;
    const inside = await complete(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {${full}, "sagemaker_step_type": "Pro$0cessing", "description": "a"}}
    `);
    assert.ok(inside.some((c) => c.label === 'Training'));
    const bare = await complete(`${CORE}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"A": {${full}, "description": "a", "sagemaker_step_type": $0}}
    `);
    assert.deepEqual(bare.find((c) => c.label === 'Training')?.insertText, '"Training"');
    const yaml = await complete(`
      //- /src/cursus/registry/step_names.yaml
      step_names:
        A:
          builder_step_name: Pack$0
          sagemaker_step_type: Processing
    `);
    assert.ok(yaml.length === 0 || yaml.every((c) => c.insertText === undefined));
    const yamlType = await complete(`
      //- /src/cursus/registry/step_names.yaml
      step_names:
        A:
          sagemaker_step_type: Tra$0
          description: a
    `);
    assert.ok(yamlType.some((c) => c.label === 'Training' && c.insertText === undefined));
  });
});
