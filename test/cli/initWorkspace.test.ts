// `registry-lens init-workspace`: cursus's workspace templates in the 1.x (builders) and 2.x
// (interface files) layouts, a copy of another workspace; the result analyses clean, and no existing
// file is ever overwritten.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { cleanTree, CORE_REGISTRY, removeTrees, runCli, runJson, writeTree, type Tree } from './helpers';

const DEV = 'developer_workspaces/developers';

function findings(root: string): string[] {
  const r = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
  return (r.json.diagnostics as { file: string; code: string; message: string }[]).map((d) => `${d.file} ${d.code} ${d.message}`).sort();
}

/** A cursus 2.x core: STEP_NAMES plus interface files and configs, no builders directory. */
function interfaceTree(): Tree {
  return {
    [CORE_REGISTRY]: 'STEP_NAMES = {\n    "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "t"},\n}\n',
    'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml': 'step_type: TabularPreprocessing\nregistry:\n  sagemaker_step_type: Processing\n  description: t\n',
    'src/cursus/steps/configs/config_tabular_preprocessing_step.py': 'class TabularPreprocessingConfig:\n    pass\n',
  };
}

describe('cli init-workspace', () => {
  after(removeTrees);

  for (const template of ['minimal', 'standard', 'advanced']) {
    it(`1.x layout, ${template} template: registry, builders and configs of its steps, analysed clean`, () => {
      const root = writeTree(cleanTree());
      assert.deepEqual(findings(root), []);
      const r = runCli(['init-workspace', 'carol', '--root', root, '--template', template]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /builders layout/);
      const reg = readFileSync(join(root, DEV, 'carol/src/cursus_dev/registry/workspace_registry.py'), 'utf8');
      assert.match(reg, /"developer_id": "carol"/);
      assert.match(reg, new RegExp(`"template": "${template}"`));
      for (const d of ['builders', 'configs', 'contracts', 'scripts', 'specs']) assert.ok(existsSync(join(root, DEV, `carol/src/cursus_dev/steps/${d}/__init__.py`)));
      if (template !== 'minimal') assert.ok(existsSync(join(root, DEV, 'carol/src/cursus_dev/steps/builders', template === 'standard' ? 'builder_custom_processing_step_step.py' : 'builder_custom_data_preprocessing_step.py')));
      assert.deepEqual(findings(root), []);
      const list = runCli(['list', '--root', root, '--workspace', 'carol']);
      if (template === 'advanced') assert.match(list.stdout, /AdvancedModelEvaluation/);
    });
  }

  it('2.x layout (core without builders): interface files and configs, empty LOCAL_STEPS, no new finding', () => {
    const root = writeTree(interfaceTree());
    const before = findings(root);
    const r = runCli(['init-workspace', 'dana', '--root', root, '--template', 'advanced']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /interfaces layout/);
    const ws = join(root, DEV, 'dana/src/cursus_dev');
    assert.ok(existsSync(join(ws, 'steps/interfaces/custom_data_preprocessing.step.yaml')));
    assert.ok(existsSync(join(ws, 'steps/configs/config_advanced_model_evaluation_step.py')));
    assert.ok(!existsSync(join(ws, 'steps/builders')));
    assert.match(readFileSync(join(ws, 'steps/interfaces/custom_data_preprocessing.step.yaml'), 'utf8'), /^step_type: CustomDataPreprocessing\n/);
    // valid cursus 2.x interfaces (schemas/step-interface.schema.json, written from cursus's StepInterface)
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/step-interface.schema.json'), 'utf8')) as object;
    const valid = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const f of ['custom_data_preprocessing', 'advanced_model_evaluation']) {
      assert.ok(valid(parse(readFileSync(join(ws, `steps/interfaces/${f}.step.yaml`), 'utf8'))), `${f}: ${JSON.stringify(valid.errors)}`);
    }
    assert.deepEqual(findings(root), before);
    // --layout overrides the guess
    assert.equal(runCli(['init-workspace', 'erin', '--root', root, '--layout', 'builders']).code, 0);
    assert.ok(existsSync(join(root, DEV, 'erin/src/cursus_dev/steps/builders/__init__.py')));
    assert.deepEqual(findings(root), before);
  });

  it('never overwrites a file, refuses a used or invalid id, and copies another workspace with its id replaced', () => {
    const root = writeTree(cleanTree());
    mkdirSync(join(root, DEV, 'fay'), { recursive: true });
    writeFileSync(join(root, DEV, 'fay/README.md'), 'mine\n');
    const r = runCli(['init-workspace', 'fay', '--root', root]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /kept {4}developer_workspaces\/developers\/fay\/README\.md/);
    assert.equal(readFileSync(join(root, DEV, 'fay/README.md'), 'utf8'), 'mine\n');
    const again = runCli(['init-workspace', 'fay', '--root', root]);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /already used/);
    assert.equal(runCli(['init-workspace', 'no good', '--root', root]).code, 1);
    assert.equal(runCli(['init-workspace', 'x', '--root', root, '--template', 'huge']).code, 2);

    const copy = runCli(['init-workspace', 'gus', '--root', root, '--copy-from', 'alice']);
    assert.equal(copy.code, 0, copy.stdout);
    const reg = readFileSync(join(root, DEV, 'gus/src/cursus_dev/registry/workspace_registry.py'), 'utf8');
    assert.match(reg, /"developer_id": "gus"/);
    assert.match(reg, /"FeatureJoin"/);
    // the copy's local step is also alice's: the one finding is that true RL002 (and its twin in alice)
    assert.deepEqual([...new Set(findings(root).map((f) => f.split(' ')[1]))], ['RL002']);
    assert.equal(runCli(['init-workspace', 'hal', '--root', root, '--copy-from', 'nobody']).code, 1);
  });
});
