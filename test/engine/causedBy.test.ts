// `check --files` asks the engine which diagnostics the given files may cause (issue 55, R28): those in
// the files, those pointing into them, and those of every unit whose recorded reads include them — so an
// error a staged file causes in an unstaged one is reported, and a file no unit reads reports only its own.
import { strict as assert } from 'node:assert';
import { analyze, initParsers } from './helpers';

const REGISTRY = 'src/cursus/registry/step_names.py';
const WS_REGISTRY = 'developer_workspaces/developers/w/src/cursus_dev/registry/workspace_registry.py';

/** A registry row of step `s` naming its config and builder classes by convention. */
const entry = (s: string): string =>
  `    "${s}": {"config_class": "${s}Config", ` +
  `"builder_step_name": "${s}StepBuilder", "spec_type": "${s}", ` +
  '"sagemaker_step_type": "Processing", "description": "x"},';

function tree(alphaClass: string, coreSteps: string[]): string {
  return [
    `//- /${REGISTRY}`,
    'STEP_NAMES = {',
    ...coreSteps.map(entry),
    '}',
    '//- /src/cursus/steps/builders/builder_alpha_step.py',
    `class ${alphaClass}:`,
    '    pass',
    '//- /src/cursus/steps/builders/builder_beta_step.py',
    'class BetaStepBuilder:',
    '    pass',
    '//- /src/cursus/steps/configs/config_alpha_step.py',
    'class AlphaConfig:',
    '    pass',
    '//- /src/cursus/steps/configs/config_beta_step.py',
    'class BetaConfig:',
    '    pass',
    `//- /${WS_REGISTRY}`,
    'WORKSPACE_METADATA = {"developer_id": "w"}',
    'STEP_OVERRIDES = {',
    entry('Beta'),
    '}',
    '//- /src/cursus/tools/notes.py',
    'x = 1',
  ].join('\n');
}

const codes = (ds: readonly { file: string; code: string }[]): string[] => ds.map((d) => `${d.file} ${d.code}`);

describe('engine: the diagnostics files may cause', () => {
  before(initParsers);

  it('a builder that renames its class brings the RL005 of the registry that names it', async () => {
    const { engine } = await analyze(tree('AlphaStepBuilderV2', ['Alpha', 'Beta']));
    assert.deepEqual(codes(engine.allDiagnostics()), [`${REGISTRY} RL005`]);
    assert.deepEqual(codes(engine.diagnosticsCausedBy(['src/cursus/steps/builders/builder_alpha_step.py'])), [
      `${REGISTRY} RL005`,
    ]);
    assert.deepEqual(
      codes(engine.diagnosticsCausedBy(['src/cursus/tools/notes.py', 'README.md'])),
      [],
      'read by no unit',
    );
    assert.deepEqual(
      codes(engine.diagnosticsCausedBy(['src/cursus/steps/builders'])),
      [`${REGISTRY} RL005`],
      'a folder stands for its files',
    );
    assert.deepEqual(codes(engine.diagnosticsCausedBy(['src/cursus/steps/build'])), [], 'a folder, not a prefix');
  });

  it('a core registry that drops a step brings the RL004 of the workspace overriding it', async () => {
    const { engine } = await analyze(tree('AlphaStepBuilder', ['Alpha']));
    assert.deepEqual(codes(engine.allDiagnostics()), [`${WS_REGISTRY} RL004`]);
    assert.deepEqual(codes(engine.diagnosticsCausedBy([REGISTRY])), [`${WS_REGISTRY} RL004`]);
    assert.deepEqual(codes(engine.diagnosticsCausedBy([WS_REGISTRY])), [`${WS_REGISTRY} RL004`]);
  });

  // Why `check --files` still reads the whole root: a workspace's checks read every registry (its id and
  // names against the others'), so one workspace's registry brings every other workspace's diagnostics,
  // which only that workspace's own modules decide (on the bench's large org, 3,256 units read one).
  it("a workspace registry brings another workspace's diagnostics, decided by that workspace's modules", async () => {
    const other = WS_REGISTRY.replace('/w/', '/v/');
    const ws = [`//- /${other}`, 'WORKSPACE_METADATA = {"developer_id": "v"}', 'LOCAL_STEPS = {', entry('Gamma'), '}'];
    const { engine } = await analyze([tree('AlphaStepBuilder', ['Alpha', 'Beta']), ...ws].join('\n'));
    const gamma = [`${other} RL005`, `${other} RL006`];
    assert.deepEqual(codes(engine.allDiagnostics()).sort(), gamma);
    assert.deepEqual(codes(engine.diagnosticsCausedBy([WS_REGISTRY])).sort(), gamma);
  });
});

describe('engine: the diagnostics files bring since a base (check --base REV --files)', () => {
  before(initParsers);
  const BUILDER = 'src/cursus/steps/builders/builder_alpha_step.py';
  const OTHER = 'src/cursus/steps/builders/builder_beta_step.py';

  it("keeps what the change brings elsewhere and the files' own, drops another file's old error, and leaves the engine as it was", async () => {
    // core's registry names a step Gamma without any builder: an old RL005, read by core's check as every builder is
    const { engine } = await analyze(tree('AlphaStepBuilderV2', ['Alpha', 'Beta', 'Gamma']));
    const all = engine.allDiagnostics();
    assert.deepEqual(codes(engine.diagnosticsCausedBy([BUILDER])).sort(), [
      `${REGISTRY} RL005`,
      `${REGISTRY} RL005`,
      `${REGISTRY} RL006`,
    ]);
    const alpha = (ds: readonly { message: string }[]): boolean =>
      ds.some((d) => d.message.includes("'AlphaStepBuilder'"));
    // the builder renamed its class since the base: Alpha's RL005 is the change's, Gamma's was there
    const renamed = engine.diagnosticsNewSince([BUILDER], new Map([[BUILDER, 'class AlphaStepBuilder:\n    pass\n']]));
    assert.deepEqual(codes(renamed), [`${REGISTRY} RL005`]);
    assert.ok(alpha(renamed));
    // a builder edited without consequence brings nothing; a builder new since the base brings what it changes
    assert.deepEqual(
      codes(engine.diagnosticsNewSince([OTHER], new Map([[OTHER, 'class BetaStepBuilder:\n    pass\n']]))),
      [],
    );
    assert.deepEqual(codes(engine.diagnosticsNewSince([BUILDER], new Map([[BUILDER, null]]))), []);
    // the engine answers as before it was asked
    assert.deepEqual(engine.allDiagnostics(), all);
  });
});
