// Step packs (cursus ≥ 2.8): `<project>/step_pack/{interfaces,configs,scripts}` merged over the package's
// table as `refresh_registry()` merges it (the pack's row wins), every interface check inside the pack,
// and a clash with the package's interface or `_EXTRAS` row said as cursus resolves it (checked against
// cursus 2.9.32's `refresh_registry()` and `_resolve_interface_path()`).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics, checkExplain, show } from './helpers';
import type { Diagnostic } from '../../server/src/engine/types';

const CORE = `
//- /src/cursus/step_catalog/builder_discovery.py
class BuilderAutoDiscovery:
    def _synthesize_builder(self, step_name):
        pass
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
  description: The package's
contract:
  entry_point: null
spec: {}
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig:
    pass
`;

const iface = (step: string, script: string): string => `step_type: ${step}
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: ${script}
spec: {}`;

const PACK = `
//- /projects/p/step_pack/interfaces/fraud_score.step.yaml
${iface('FraudScore', 'fraud_score.py')}
//- /projects/p/step_pack/interfaces/fraud_label.step.yaml
${iface('FraudLabel', 'fraud_label.py')}
//- /projects/p/step_pack/configs/config_fraud_score_step.py
class FraudScoreConfig:
    pass
//- /projects/p/step_pack/configs/config_fraud_label_step.py
class FraudLabelConfig:
    pass
//- /projects/p/step_pack/scripts/fraud_score.py
def main():
    pass
`;

describe('step packs (cursus >= 2.8)', () => {
  it("a pack's steps join the table, with its configs and scripts; its interfaces get every interface check", async () => {
    const { engine } = await analyze(`${CORE}${PACK}`);
    assert.ok(engine.stepNames().includes('FraudScore'));
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.severity !== 'hint')
        .map((d) => `${d.file} ${d.code}`),
      ['projects/p/step_pack/interfaces/fraud_label.step.yaml RL017'],
    );
  });

  it("RL063: a pack step the package defines too (its row wins, the package's interface is loaded); one named like an _EXTRAS row is dropped", async () => {
    await checkDiagnostics(
      `${CORE}${PACK}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
#          ^^^^^^^^^^^^^^^^^^^^ RL063 takes only the registry row from here
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
//- /projects/p/step_pack/interfaces/processing.step.yaml
step_type: Processing
#          ^^^^^^^^^^ RL063 drops pack rows named like an _EXTRAS row
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
`,
      {},
      { only: ['RL063', 'RL032'] },
    );
  });

  it("counts each step once, as refresh_registry() leaves the table: the summary's entries are list's rows", async () => {
    const { engine } = await analyze(`${CORE}${PACK}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
${iface('TabularPreprocessing', 'null')}
`);
    // Processing, TabularPreprocessing (the pack's row over the package's), FraudScore, FraudLabel.
    assert.deepEqual(
      engine
        .list({})
        .map((r) => r.name)
        .sort(),
      ['FraudLabel', 'FraudScore', 'Processing', 'TabularPreprocessing'],
    );
    assert.equal(engine.summary().entries, 4);
  });

  it("Explain of a clashing step says the row is the pack's and the interface the package's", async () => {
    await checkExplain(
      `${CORE}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
${iface('TabularPreprocessing', 'null')}
`,
      { step: 'TabularPreprocessing' },
      (x) => {
        const pack = x.sections?.find((s) => s.title === 'Step pack');
        assert.deepEqual(
          pack?.rows.map((r) => `${r.label} ${r.file}`),
          [
            'row projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml',
            'interface src/cursus/steps/interfaces/tabular_preprocessing.step.yaml',
          ],
        );
        assert.equal(x.winner?.fields?.['description'], "The pack's");
        // What cursus loads: the builder is synthesized from, and the contract and spec read from, the package's file.
        const pkg = 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml';
        assert.deepEqual(
          (['builder', 'contract', 'spec'] as const).map((k) => x.components[k]?.file),
          [pkg, pkg, pkg],
        );
      },
    );
  });
});

// A pack interface shaped like cursus's own (`steps/interfaces/currency_conversion.step.yaml`), broken four ways:
// a misspelt key, a producer nobody defines, a contract input the spec does not depend on, a script no pack holds.
const BROKEN = `step_type: FxConversion
node_type: internal
registry:
  sagemaker_step_type: Processing
  description: Currency conversion of the pack
contract:
  entry_point: fx_conversion.py
  inputs:
    input_data:
      path: /opt/ml/processing/input/data
      required: true
    rates:
      path: /opt/ml/processing/input/rates
  outputs:
    processed_data:
      path: /opt/ml/processing/output
  env_vars:
    requird: []
spec:
  dependencies:
    input_data:
      type: processing_output
      required: true
      compatible_sources:
      - TabularPreprocesing
  outputs:
    processed_data:
      type: processing_output
      property_path: properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri
`;

/** The same pack under `<project>/step_pack/` or at the project's root (`<project>/interfaces/`, …). */
const packAt = (dir: string): string => `
//- /${dir}/interfaces/fraud_score.step.yaml
${iface('FraudScore', 'fraud_score.py')}
//- /${dir}/interfaces/fx_conversion.step.yaml
${BROKEN}
//- /${dir}/configs/config_fraud_score_step.py
class FraudScoreConfig:
    pass
//- /${dir}/configs/config_fx_conversion_step.py
class FxConversionConfig:
    pass
//- /${dir}/scripts/fraud_score.py
def main():
    pass
`;

/** Diagnostics as text, paths in the pack relative to it. */
function shown(diags: readonly Diagnostic[], pack: string): string[] {
  const at = (s: string): string => (pack === '' ? s : s.split(`${pack}/`).join(''));
  return diags
    .map(
      (d) =>
        `${at(d.file)} ${show(d.range)} ${d.code} ${d.severity} ${at(d.message)} ${(d.related ?? [])
          .map((r) => `${at(r.file)} ${show(r.range)}`)
          .join(' ')}`,
    )
    .sort();
}

// Before step packs (cursus 2.8.0, commit 726f7573 of TianpeiLuke/cursus; the tag before it, v2.6.0, has no
// `refresh_registry()`, `merge_pack_registry()` nor `_derive_step_pack_dir()`: `git grep -n "def refresh_registry"
// v2.6.0 -- src` finds nothing, v2.8.0 finds `src/cursus/registry/step_names.py:170`), an installed release keeps
// the package's table: a pack step's DAG node is one `validate_dag_integrity()` reports missing.
describe('step packs under an installed cursus older than 2.8.0', () => {
  const project = `${CORE}${PACK}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
${iface('TabularPreprocessing', 'null')}
//- /projects/p/dags/e2e.dag.json
{"dag": {"nodes": ["FraudScore_training", "TabularPreprocessing"], "edges": [["TabularPreprocessing", "FraudScore_training"]]}}
`;
  const run = async (version: string): Promise<{ names: string[]; found: string[] }> => {
    const { engine } = await analyze(project);
    engine.setInstalled([{ name: 'cursus', version }]);
    engine.update();
    const found = engine
      .allDiagnostics()
      .filter((d) => d.code === 'RL039' || d.code === 'RL063')
      .map((d) => `${d.file} ${d.code} ${d.message}`);
    return { names: engine.stepNames(), found };
  };

  it('merges no pack: its steps are missing from the table and in DAGs (RL039 says why), no RL063', async () => {
    for (const version of ['2.6.0', '2.5.0']) {
      const { names, found } = await run(version);
      assert.ok(!names.includes('FraudScore'), names.join(' '));
      assert.deepEqual(found, [
        "projects/p/dags/e2e.dag.json RL039 Step 'FraudScore_training' not found in catalog: no step is named by " +
          "it or by a prefix of it before a '_'. 'FraudScore' is a step of " +
          `projects/p/step_pack/interfaces/fraud_score.step.yaml only, and cursus ${version} (installed) reads no ` +
          'step packs, which came with 2.8.0.',
      ]);
    }
  });

  it('2.8.0 and later merge the pack as before: the node resolves, the clash is RL063', async () => {
    for (const version of ['2.8.0', '2.9.32']) {
      const { names, found } = await run(version);
      assert.ok(names.includes('FraudScore'));
      assert.deepEqual(
        found.map((f) => f.split(' ').slice(0, 2).join(' ')),
        ['projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml RL063'],
      );
    }
  });
});

describe("step packs at a project's root (`<project>/interfaces/`, cursus >= 2.8)", () => {
  it('a broken interface: the same diagnostics at the root as in step_pack/; its configs, scripts count', async () => {
    const inPack = await analyze(`${CORE}${packAt('projects/p/step_pack')}`);
    const atRoot = await analyze(`${CORE}${packAt('projects/p')}`);
    const want = shown(inPack.engine.allDiagnostics(), 'projects/p/step_pack');
    const codes = new Set(want.map((d) => d.split(' ')[2]));
    assert.deepEqual(codes, new Set(['RL016', 'RL017', 'RL018', 'RL019']), want.join('\n'));
    assert.deepEqual(shown(atRoot.engine.allDiagnostics(), 'projects/p'), want);
    assert.ok(atRoot.engine.stepNames().includes('FraudScore') && atRoot.engine.stepNames().includes('FxConversion'));
  });

  it("a pack at the repository's own root", async () => {
    const inPack = await analyze(`${CORE}${packAt('projects/p/step_pack')}`);
    const atTop = await analyze(`${CORE}${packAt('').replace(/\/\/- \/\//g, '//- /')}`);
    const want = shown(inPack.engine.allDiagnostics(), 'projects/p/step_pack');
    assert.deepEqual(shown(atTop.engine.allDiagnostics(), ''), want);
  });

  it('RL063 and Explain at the root, as refresh_registry() reports the collision', async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/p/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
#          ^^^^^^^^^^^^^^^^^^^^ RL063 takes only the registry row from here
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
//- /projects/p/interfaces/processing.step.yaml
step_type: Processing
#          ^^^^^^^^^^ RL063 drops pack rows named like an _EXTRAS row
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
`,
      {},
      { only: ['RL063', 'RL032'] },
    );
    await checkExplain(
      `${CORE}
//- /projects/p/interfaces/tabular_preprocessing.step.yaml
${iface('TabularPreprocessing', 'null')}
`,
      { step: 'TabularPreprocessing' },
      (x) => {
        const pack = x.sections?.find((s) => s.title === 'Step pack');
        assert.deepEqual(
          pack?.rows.map((r) => `${r.label} ${r.file}`),
          [
            'row projects/p/interfaces/tabular_preprocessing.step.yaml',
            'interface src/cursus/steps/interfaces/tabular_preprocessing.step.yaml',
          ],
        );
        assert.equal(x.winner?.fields?.['description'], "The pack's");
        // What cursus loads: the builder is synthesized from, and the contract and spec read from, the package's file.
        const pkg = 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml';
        assert.deepEqual(
          (['builder', 'contract', 'spec'] as const).map((k) => x.components[k]?.file),
          [pkg, pkg, pkg],
        );
      },
    );
  });

  it("the step_pack/ form wins when both exist, even with no interface in it: the root's is never read", async () => {
    const both = await analyze(`${CORE}${PACK}${packAt('projects/p')}`);
    assert.ok(both.engine.stepNames().includes('FraudLabel'));
    assert.ok(!both.engine.stepNames().includes('FxConversion'));
    const shownBoth = both.engine
      .allDiagnostics()
      .filter((d) => d.severity !== 'hint')
      .map((d) => `${d.file} ${d.code}`);
    assert.deepEqual(shownBoth, ['projects/p/step_pack/interfaces/fraud_label.step.yaml RL017']);
    const empty = await analyze(`${CORE}${packAt('projects/p')}
//- /projects/p/step_pack/interfaces/README.md
Our steps go here.
`);
    assert.ok(!empty.engine.stepNames().includes('FxConversion'));
    assert.deepEqual(
      empty.engine.allDiagnostics().filter((d) => d.file.startsWith('projects/')),
      [],
    );
    // (The root's script is read anyway, as every Python module is, for the pipeline DAGs it may build: that it is no
    // pack's shows in the step names and diagnostics above.)
  });

  it("the package's own interfaces, a workspace's, an interfaces/ folder without interfaces: no pack", async () => {
    const { engine } = await analyze(`${CORE}
//- /src/cursus/steps/scripts/tabular_preprocessing.py
def main():
    pass
//- /developer_workspaces/developers/alice/interfaces/fraud_score.step.yaml
${iface('FraudScore', 'fraud_score.py')}
//- /developer_workspaces/developers/alice/scripts/fraud_score.py
def main():
    pass
//- /tools/interfaces/__init__.py
//- /tools/scripts/release.py
def main():
    pass
//- /projects/q/step_pack/configs/config_fraud_score_step.py
class FraudScoreConfig:
    pass
`);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.code === 'RL063'),
      [],
    );
    assert.ok(!engine.stepNames().includes('FraudScore'));
    // A step_pack/ without interfaces/ is none either: `_derive_step_pack_dir()` wants that folder. (Its Python modules
    // are read anyway, as every one is, for the pipeline DAGs they may build: the step names above show no pack.)
    assert.ok(engine.interest().wants('projects/p/interfaces/fraud_score.step.yaml'));
  });
});
