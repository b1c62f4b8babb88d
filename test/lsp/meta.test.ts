// Companion metadata over LSP: an edit that closes a dependency cycle in one meta file raises RL023 on
// every edge of the cycle in the other (unopened) files, and undoing it clears them; hover, definition
// and completion answer in `*_meta.yaml` documents.
import { strict as assert } from 'node:assert';
import type { CompletionItem, Diagnostic, Hover, Location } from 'vscode-languageserver-types';
import { parseFixture } from '../engine/fixture';
import { show, TestClient } from './client';

const BUILDERS = 'src/cursus/steps/builders';
const meta = (snake: string): string => `${BUILDERS}/builder_${snake}_step_meta.yaml`;
const STEPS = ['Alpha', 'Beta', 'Gamma'];

const FIXTURE = parseFixture(`
  //- /src/cursus/registry/step_names.py
  STEP_NAMES = {
${STEPS.map((n) => `      "${n}": {"config_class": "${n}Config", "builder_step_name": "${n}StepBuilder", "spec_type": "${n}", "sagemaker_step_type": "Utility", "description": "${n} step"},`).join('\n')}
  }
${STEPS.map((n) => `  //- /${BUILDERS}/builder_${n.toLowerCase()}_step.py\n  class ${n}StepBuilder:\n      pass`).join('\n')}
  //- /${meta('alpha')}
  description: Alpha from YAML
  dependencies:
    - module_id: Beta
  #              ^^^^ alpha-beta
  //- /${meta('beta')}
  dependencies:
    - module_id: Gamma
  #              ^^^^^ beta-gamma
  //- /${meta('gamma')}
  version: 1.0.0
  dependencies:
    - module_id: Nothing
  #              ^^^^^^^ gamma-dep
`);

const range = (label: string): string => {
  const a = FIXTURE.annotations.find((x) => x.label === label);
  if (!a) throw new Error(label);
  return show(a.range);
};
const text = (file: string): string => FIXTURE.files.get(file) ?? '';
const cycles = (ds: Diagnostic[]): string[] =>
  ds.filter((d) => d.code === 'RL023').map((d) => `${show(d.range)} ${typeof d.message === 'string' ? d.message : ''}`);
const CYCLE =
  "Circular dependency detected: Alpha -> Beta -> Gamma -> Alpha; apcore's discover() raises CircularDependencyError, so discovery of the whole root fails";

describe('lsp: companion metadata', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
    await c.diagnosticsOf(meta('gamma'), 'initial RL022', (ds) => ds.some((d) => d.code === 'RL022'));
  });
  afterEach(() => c.stop());

  it('closing a cycle in one meta file raises RL023 on every edge in the other files; undoing clears them', async () => {
    await c.open(meta('gamma'), text(meta('gamma')));
    const dep = FIXTURE.annotations.find((a) => a.label === 'gamma-dep')?.range;
    assert.ok(dep);
    await c.change(meta('gamma'), dep, 'Alpha');
    const inAlpha = await c.diagnosticsOf(meta('alpha'), 'RL023 in alpha', (ds) => cycles(ds).length > 0);
    assert.deepEqual(cycles(inAlpha), [`${range('alpha-beta')} ${CYCLE}`]);
    const inBeta = await c.diagnosticsOf(meta('beta'), 'RL023 in beta', (ds) => cycles(ds).length > 0);
    assert.deepEqual(cycles(inBeta), [`${range('beta-gamma')} ${CYCLE}`]);
    const inGamma = await c.diagnosticsOf(meta('gamma'), 'RL023 in gamma', (ds) => cycles(ds).length > 0);
    assert.deepEqual(
      inGamma.map((d) => d.code),
      ['RL023'],
    );
    assert.equal(inAlpha[0]?.relatedInformation?.length, 2);

    const edited = { start: dep.start, end: { line: dep.end.line, character: dep.start.character + 'Alpha'.length } };
    await c.change(meta('gamma'), edited, 'Nothing');
    await c.diagnosticsOf(meta('alpha'), 'RL023 cleared in alpha', (ds) => cycles(ds).length === 0);
    await c.diagnosticsOf(meta('beta'), 'RL023 cleared in beta', (ds) => cycles(ds).length === 0);
    await c.diagnosticsOf(meta('gamma'), 'RL022 back in gamma', (ds) => ds.map((d) => d.code).join() === 'RL022');
  });

  it('hover on a module_id shows the merged entry; definition goes to it; completion offers names and keys', async () => {
    const at = FIXTURE.annotations.find((a) => a.label === 'beta-gamma')?.range.start;
    assert.ok(at);
    const hover = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(meta('beta')) },
      position: at,
    });
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /^\*\*Gamma\*\* · `core`/);
    assert.match(md, /\| version \| `"1\.0\.0"` \| meta \|/);
    assert.match(md, /Dependents: `Beta`/);
    const defs = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(meta('beta')) },
      position: at,
    });
    assert.deepEqual(
      defs.map((d) => [d.uri, show(d.range)]),
      [[c.uri('src/cursus/registry/step_names.py'), '3:4-3:11']],
    );

    await c.open(meta('alpha'), text(meta('alpha')));
    await c.change(
      meta('alpha'),
      { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      '  - module_id: \n',
    );
    const values = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: c.uri(meta('alpha')) },
      position: { line: 3, character: 15 },
    });
    assert.deepEqual(values.map((i) => i.label).sort(), ['Beta', 'Gamma']);
    await c.change(meta('alpha'), { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 've\n');
    const keys = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: c.uri(meta('alpha')) },
      position: { line: 4, character: 2 },
    });
    assert.ok(
      keys.some((i) => i.label === 'version'),
      keys.map((i) => i.label).join(),
    );
    assert.ok(!keys.some((i) => i.label === 'description'), 'keys already written are not offered');
  });
});

describe('lsp: companions found in the first walk', () => {
  it('a subject that is no registry source or component is read with its companion: no RL021 is ever published', async () => {
    const files = new Map([
      ['tools/report_meta.yaml', 'description: Weekly report\n'],
      ['tools/report.py', 'class Report:\n    pass\n'],
      ['tools/orphan_meta.yaml', 'description: Nothing beside me\n'],
    ]);
    const c = await TestClient.start(files);
    try {
      await c.diagnosticsOf('tools/orphan_meta.yaml', 'RL021 for the orphan', (ds) =>
        ds.some((d) => d.code === 'RL021'),
      );
      const published = c.notifications
        .filter((n) => n.method === 'textDocument/publishDiagnostics')
        .map((n) => n.params as { uri: string; diagnostics: Diagnostic[] })
        .filter((p) => p.uri === c.uri('tools/report_meta.yaml'));
      assert.ok(
        published.every((p) => p.diagnostics.every((d) => d.code !== 'RL021')),
        JSON.stringify(published),
      );
    } finally {
      await c.stop();
    }
  });
});
