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

  // A workspace's checks look its own id and local names up among the other workspaces': a registry causes what
  // another workspace reports only when that workspace met it there (the same id, a shared name), not because
  // every workspace reads the index of them all.
  it("a workspace registry brings another workspace's diagnostics only where its id or names met that workspace's", async () => {
    const ws = (dir: string, id: string, step: string): string[] => [
      `//- /${WS_REGISTRY.replace('/w/', `/${dir}/`)}`,
      `WORKSPACE_METADATA = {"developer_id": "${id}"}`,
      'LOCAL_STEPS = {',
      entry(step),
      '}',
    ];
    const fixture = [
      tree('AlphaStepBuilder', ['Alpha', 'Beta']),
      ...ws('t', 't', 'Omega'),
      ...ws('u', 'u', 'Gamma'),
      ...ws('v', 'w', 'Delta'),
      ...ws('x', 'x', 'Gamma'),
    ].join('\n');
    const { engine } = await analyze(
      fixture.replace('STEP_OVERRIDES = {\n' + entry('Beta'), 'LOCAL_STEPS = {\n' + entry('Gamma')),
    );
    const all = engine.allDiagnostics();
    const of = (dir: string): string[] => codes(all.filter((d) => d.file.includes(`/developers/${dir}/`))).sort();
    // t shares nothing with w; u and x define Gamma as w does (RL002); v has w's id (RL015)
    assert.deepEqual(of('t'), [
      `${WS_REGISTRY.replace('/w/', '/t/')} RL005`,
      `${WS_REGISTRY.replace('/w/', '/t/')} RL006`,
    ]);
    assert.ok(of('u').some((c) => c.endsWith('RL002')) && of('v').some((c) => c.endsWith('RL015')));
    const caused = codes(engine.diagnosticsCausedBy([WS_REGISTRY])).sort();
    // every diagnostic of the workspaces that met w's names or id (their checks read w), none of t's or core's
    assert.deepEqual(caused, [...of('u'), ...of('v'), ...of('w'), ...of('x')].sort());
    assert.deepEqual(engine.allDiagnostics(), all, 'the engine answers as before it was asked');
  });

  // What a file gives is found by analysing the root without it: every diagnostic that goes when the file goes is
  // one it causes. Checked over seeded random workspaces sharing ids and names, for each registry.
  it('reports every diagnostic that deleting the file takes away (seeded random workspaces)', async () => {
    const ids = ['a', 'b', 'c'];
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length] as T;
    for (let round = 0; round < 6; round++) {
      const dirs = ['d0', 'd1', 'd2', 'd3'];
      const files = new Map<string, string>();
      for (const dir of dirs) {
        const local = [...new Set([pick(names), pick(names)])];
        const overrides = [...new Set([pick(names)])].filter((n) => !local.includes(n));
        files.set(
          WS_REGISTRY.replace('/w/', `/${dir}/`),
          [
            `WORKSPACE_METADATA = {"developer_id": "${pick(ids)}"}`,
            'LOCAL_STEPS = {',
            ...local.map(entry),
            '}',
            'STEP_OVERRIDES = {',
            ...overrides.map(entry),
            '}',
          ].join('\n'),
        );
      }
      const fixture = (without?: string): string =>
        [
          tree('AlphaStepBuilder', ['Alpha', 'Beta']),
          ...[...files].filter(([f]) => f !== without).flatMap(([f, t]) => [`//- /${f}`, t]),
        ]
          .join('\n')
          .replace(`//- /${WS_REGISTRY}`, '//- /unused/w.py');
      const { engine } = await analyze(fixture());
      const key = (d: { file: string; code: string; message: string }): string => `${d.file} ${d.code} ${d.message}`;
      for (const f of files.keys()) {
        const without = new Set((await analyze(fixture(f))).engine.allDiagnostics().map(key));
        const gone = engine
          .allDiagnostics()
          .filter((d) => !without.has(key(d)))
          .map(key);
        const caused = new Set(engine.diagnosticsCausedBy([f]).map(key));
        for (const g of gone)
          assert.ok(caused.has(g), `round ${round}: ${g} goes with ${f}, not reported as caused by it`);
      }
    }
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

  it('a file deleted since the base brings what its deletion breaks', async () => {
    const { engine, fx } = await analyze(tree('AlphaStepBuilder', ['Alpha', 'Beta']));
    const text = fx.files.get(BUILDER) as string;
    engine.deleteFile(BUILDER);
    engine.update();
    const all = engine.allDiagnostics();
    assert.deepEqual(codes(engine.diagnosticsNewSince([BUILDER], new Map([[BUILDER, text]]))), [`${REGISTRY} RL005`]);
    assert.ok(!engine.has(BUILDER), 'still deleted');
    assert.deepEqual(engine.allDiagnostics(), all);
  });
});
