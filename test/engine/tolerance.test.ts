// A file mid-edit keeps every readable entry analysed (SPEC §0 principle 5), and hostile input has
// bounded, correct results: one test per reproducer of the fuzzing campaign (shared/repro R1–R9 and R18; R7
// and R10 are host and server tests), plus the mid-edit corpus of the examples.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/types';
import { MAX_PER_FILE } from '../../server/src/engine/checks/finalize';
import { analyze, checkDiagnostics, show } from './helpers';
import { withPythonTree } from '../../server/src/engine/python/parser';
import { parsePythonFacts } from '../../server/src/engine/python/facts';
import { CORE } from './cursusCore';
import { emptyFigures, feedRoot, measuredFiles, measureFile } from '../../scripts/tolerance/midEdit';

const WS = '/developer_workspaces/developers';
const REG = (ws: string): string =>
  `developer_workspaces/developers/${ws}/src/cursus_dev/registry/workspace_registry.py`;
const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code}@${show(d.range)}`);

async function engineWith(files: Record<string, string>): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm);
  for (const [f, t] of Object.entries(files)) engine.setFile(f, t);
  engine.update();
  return engine;
}

describe('tolerance: a registry mid-edit', () => {
  it('a half-typed value is one RL030 on its colon; the entry and every other one stay analysed', async () => {
    await checkDiagnostics(
      `${CORE}
      //- ${WS}/carol/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "ImageResize": {"sagemaker_step_type": "Processing", "description": "resize",
              "builder_step_name": },
      #                          ^ RL030 value expected
          "Data Loader!": {"sagemaker_step_type": "Utility", "description": "load"},
      #   ^^^^^^^^^^^^^^ RL009
      }
    `,
      {},
      { only: ['RL030', 'RL009', 'RL005', 'RL008'] },
    );
  });

  it("a missing comma between entries is reported at the comma's place; later entries keep their diagnostics", async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/erin/src/cursus_dev/registry/workspace_registry.py
      """Erin's steps."""
      LOCAL_STEPS = {
          "ErinStepA": {"sagemaker_step_type": "Utility", "description": "a"}
          "ErinStepB": {"sagemaker_step_type": "Utility", "description": "b"},
          "Package": {"sagemaker_step_type": "Utility", "description": "shadows core"},
      }
    `);
    const ds = codes(engine.diagnostics(REG('erin')));
    assert.deepEqual(ds, ['RL030@2:70-2:71', 'RL003@4:4-4:13']);
    assert.match(engine.diagnostics(REG('erin'))[0]?.message ?? '', /missing ',' between entries/);
    assert.deepEqual(
      engine.stepNames('erin').filter((n) => n.startsWith('Erin')),
      ['ErinStepA', 'ErinStepB'],
    );
  });

  it("the demo's carol_vision with the comma after its first entry deleted: one RL030, on that brace", async () => {
    const demo = join(__dirname, '../../examples/demo-workspace');
    const carol = 'developer_workspaces/developers/carol_vision/src/cursus_dev/registry/workspace_registry.py';
    const engine = await RegistryEngine.create(wasm);
    feedRoot(engine, demo);
    const before = engine.diagnostics(carol).map((d) => `${d.code} ${d.message}`);
    const text = readFileSync(join(demo, carol), 'utf8');
    const at = text.indexOf('    },\n') + 5;
    engine.setFile(carol, text.slice(0, at) + text.slice(at + 1));
    engine.update();
    const after = engine.diagnostics(carol);
    assert.deepEqual(
      after.filter((d) => d.code === 'RL030').map((d) => `${show(d.range)} ${d.message}`),
      ["18:4-18:5 Syntax error: missing ',' between entries; the rest of the file is still analysed"],
    );
    assert.deepEqual(
      after.filter((d) => d.code !== 'RL030').map((d) => `${d.code} ${d.message}`),
      before,
    );
  });

  it("the demo's alice_ml with an entry typed without its comma: one RL030 whatever the closing brace's indent", async () => {
    const demo = join(__dirname, '../../examples/demo-workspace');
    const alice = REG('alice_ml');
    const text = readFileSync(join(demo, alice), 'utf8');
    const at = text.indexOf('    # seeded: RL003');
    const typed = `${text.slice(0, at)}    "Broken": {"config_class": "Br"}\n${text.slice(at)}`;
    const closer = typed.indexOf('\n}\n', at);
    const engine = await RegistryEngine.create(wasm);
    feedRoot(engine, demo);
    const seen: string[][] = [];
    // `}` in column 1, then as VS Code's auto-indent leaves it after Enter on the last entry, then deeper
    for (const indent of ['', '    ', '        ', '\t']) {
      engine.setFile(alice, `${typed.slice(0, closer + 1)}${indent}${typed.slice(closer + 1)}`);
      engine.update();
      const ds = engine.diagnostics(alice);
      assert.deepEqual(
        ds.filter((d) => d.code === 'RL030').map((d) => `${show(d.range)} ${d.message}`),
        ["37:35-37:36 Syntax error: missing ',' between entries; the rest of the file is still analysed"],
        `indent ${JSON.stringify(indent)}`,
      );
      seen.push(ds.filter((d) => d.code !== 'RL030').map((d) => `${d.code} ${show(d.range)}`));
      assert.ok(
        engine.stepNames('alice_ml').includes('ExperimentTracker') && engine.stepNames('alice_ml').includes('Broken'),
      );
    }
    assert.ok(
      seen.every((s) => JSON.stringify(s) === JSON.stringify(seen[0])),
      JSON.stringify(seen),
    );
  });

  it('typing a new entry: an unclosed dict ends where the next entry starts (by indentation)', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/erin/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Typed": {
              "sagemaker_step_type": "Proc
          "Package": {"sagemaker_step_type": "Utility", "description": "shadows core"},
      }
      STEP_OVERRIDES = {"Nope": {"sagemaker_step_type": "Utility", "description": "x"}}
    `);
    assert.deepEqual(codes(engine.diagnostics(REG('erin'))), [
      'RL030@1:13-1:14',
      'RL030@2:31-2:36',
      'RL003@3:4-3:13',
      'RL004@5:18-5:24',
    ]);
  });

  it('a key that lost a quote or its colon, and a dict that lost its brace, keep their entries', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/erin/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          LostOpen": {"sagemaker_step_type": "Utility", "description": "a"},
          "LostClose: {"sagemaker_step_type": "Utility", "description": "b"},
          "LostColon" {"sagemaker_step_type": "Utility", "description": "c"},
          "LostBrace":
              "sagemaker_step_type": "Utility", "description": "d",
          },
          "bad name": {"sagemaker_step_type": "Utility", "description": "e"},
      }
    `);
    assert.deepEqual(
      engine
        .stepNames('erin')
        .filter((n) => !['Package', 'XGBoostTraining'].includes(n))
        .sort(),
      ['LostBrace', 'LostClose', 'LostColon', 'LostOpen', 'bad name'],
    );
    const ds = engine.diagnostics(REG('erin'));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['RL030', 'RL030', 'RL030', 'RL030', 'RL009'],
    );
    assert.ok(ds.every((d) => d.range.start.line === d.range.end.line));
  });

  it("a closer auto-indented to its items' column closes its own dict; one that lost its opener stays stray", async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/erin/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Indented": {
              "sagemaker_step_type": "Utility"
              "description": "a",
              },
          "LostBrace": "Utility",
          },
          "Last": {"sagemaker_step_type": "Utility", "description": "c"}
          "bad name": {"sagemaker_step_type": "Utility", "description": "e"}
          }
      X = 1
    `);
    assert.deepEqual(
      engine
        .stepNames('erin')
        .filter((n) => !['Package', 'XGBoostTraining'].includes(n))
        .sort(),
      ['Indented', 'Last', 'LostBrace', 'bad name'],
    );
    const ds = engine.diagnostics(REG('erin'));
    assert.deepEqual(
      ds.map((d) => `${d.code}@${show(d.range)} ${d.code === 'RL030' ? d.message.replace(/;.*/, '') : ''}`),
      [
        "RL030@2:39-2:40 Syntax error: missing ',' between entries",
        'RL008@5:17-5:26 ',
        "RL030@6:4-6:5 Syntax error: unexpected '}'",
        "RL030@7:65-7:66 Syntax error: missing ',' between entries",
        'RL009@8:4-8:14 ',
      ],
    );
  });

  it('a key typed above another ("A" then "B": {…}, valid Python joining them) is read as the two entries meant', async () => {
    const { engine } = await analyze(`${CORE}
      //- ${WS}/erin/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {
          "Typed"
          "Package": {"sagemaker_step_type": "Utility",
              "description": "one "
                             "string"},
      }
    `);
    assert.deepEqual(codes(engine.diagnostics(REG('erin'))), ['RL030@1:10-1:11', 'RL003@2:4-2:13']);
    assert.match(engine.diagnostics(REG('erin'))[0]?.message ?? '', /':' expected after the key/);
    assert.equal(engine.hover(REG('erin'), { line: 2, character: 6 })?.markdown.includes('one string'), true);
  });

  it('YAML: a line at the wrong indentation costs that line, not the document, and no RL020 follows from it', async () => {
    const meta = 'description: d\nversion: 1.0.0\ndependencies:\n  - module_id: a.b\n   optional: true\ntags: [x]\n';
    const { engine } = await analyze(`
      //- /extensions/mod_meta.yaml
      ${meta.replace(/\n/g, '\n      ')}
      //- /extensions/mod.py
      class Mod:
          description = "d"
          input_schema = dict
          output_schema = dict
          def execute(self, inputs):
              return {}
    `);
    const ds = engine.diagnostics('extensions/mod_meta.yaml');
    // RL022 is real (no module a.b, and Mod is a valid module, so discovery reads its dependencies); the mistaken line 'optional: true' is not read, so nothing is said about it.
    assert.deepEqual(
      ds.map((d) => `${d.code}@${d.range.start.line}`),
      ['RL022@3', 'RL030@4'],
    );
    assert.deepEqual(
      engine.documentSymbols('extensions/mod_meta.yaml').map((s) => s.name),
      ['description', 'version', 'dependencies', 'tags'],
    );
  });
});

describe('tolerance: reproducers of the fuzzing campaign', () => {
  it('R1: a 130,000-item list or 130,000 duplicate keys (Python, YAML) are analysed, output capped per file', async function () {
    this.timeout(120_000);
    const n = 130_000;
    const engine = await engineWith({
      [REG('list')]:
        `LOCAL_STEPS = {"A": {"description": "d", "sagemaker_step_type": "Utility", "job_types": [${'0,'.repeat(n)}]}}\n`,
      [REG('dup')]: `LOCAL_STEPS = {${'"a": 1, '.repeat(n)}}\n`,
      [REG('b')]: 'LOCAL_STEPS = {"bad name": {}}\n',
      'src/steps/builders/builder_q_step_meta.yaml': `description: d\nmetadata:\n${'  a: 1\n'.repeat(n)}`,
      'src/steps/builders/builder_q_step.py': 'class QStepBuilder:\n    pass\n',
    });
    assert.ok(engine.diagnostics(REG('b')).some((d) => d.code === 'RL009'));
    assert.ok(engine.diagnostics(REG('list')).some((d) => d.code === 'RL008' && d.message.includes('job_types')));
    for (const file of [REG('dup'), 'src/steps/builders/builder_q_step_meta.yaml']) {
      const ds = engine.diagnostics(file);
      assert.equal(ds.length, MAX_PER_FILE, file);
      assert.match(ds[MAX_PER_FILE - 1]?.message ?? '', /^… and \d+ more diagnostics in this file/);
    }
  });

  it('R2: N workspaces defining one step: messages and related places are capped, output linear in N', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++)
      files[REG(`w${i}`)] =
        `LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Utility", "description": "d"}}\nWORKSPACE_METADATA = {"developer_id": "w${i}"}\n`;
    const engine = await engineWith(files);
    const d = engine.diagnostics(REG('w7')).find((x) => x.code === 'RL002');
    assert.ok(d);
    assert.equal(d.related.length, 20);
    assert.match(d.related[19]?.message ?? '', /\(and 279 more\)$/);
    assert.match(d.message, /in workspaces 'w0', 'w1', .* and 289 more$/);
  });

  it('R3: thousands of aliases to one anchor resolve in linear time, to the latest anchor before them', async () => {
    const aliases = Array.from({ length: 8000 }, (_, i) => `  b${i}: *a\n`).join('');
    const { engine } = await analyze(`
      //- /src/steps/builders/builder_a_step_meta.yaml
      description: d
      version: &v 1.0.0
      metadata:
        a: &a x
      ${aliases.replace(/\n/g, '\n      ')}
      //- /src/steps/builders/builder_a_step.py
      class AStepBuilder:
          pass
    `);
    assert.deepEqual(engine.diagnostics('src/steps/builders/builder_a_step_meta.yaml'), []);
  });

  it('R4: a run of stray characters gives at most 50 YAML syntax errors and one "more"', async () => {
    const engine = await engineWith({
      'src/steps/builders/builder_q_step_meta.yaml': `description: d\n[${','.repeat(40_000)}`,
    });
    const ds = engine.diagnostics('src/steps/builders/builder_q_step_meta.yaml');
    assert.ok(ds.length <= 52, String(ds.length));
    assert.match(ds[ds.length - 1]?.message ?? '', /more syntax errors/);
  });

  it('R5: lone CR line endings are line ends (LSP, VS Code and Python agree)', async () => {
    const engine = await engineWith({
      [REG('a')]: 'LOCAL_STEPS = {\r    "bad name": {"sagemaker_step_type": "Utility", "description": "d"},\r}\r',
    });
    assert.deepEqual(codes(engine.diagnostics(REG('a'))), ['RL009@1:4-1:14']);
  });

  it('R6: YAML syntax errors never point inside a surrogate pair', async () => {
    const engine = await engineWith({ 'src/steps/builders/builder_q_step_meta.yaml': 'description: "😀\n' });
    for (const d of engine.diagnostics('src/steps/builders/builder_q_step_meta.yaml'))
      assert.notEqual(d.range.end.character, 15, show(d.range));
  });

  it('R18: with CRLF endings no position sits between the \\r and the \\n (tree-sitter counts the \\r a comment ends with)', async () => {
    const text = '    },\r\n        "description": "d",  # a comment\r\n    },\r\n';
    const engine = await engineWith({ [REG('w')]: text, [REG('lf')]: text.replace(/\r\n/g, '\n') });
    const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
    const ds = engine.diagnostics(REG('w'));
    for (const d of ds)
      for (const p of [d.range.start, d.range.end])
        assert.ok(p.character <= (lengths[p.line] ?? -1), `${d.code} ${show(d.range)}`);
    // the same places as with LF endings: the error after the comment is at the end of its line (1:40)
    assert.deepEqual(codes(ds), codes(engine.diagnostics(REG('lf'))));
    assert.ok(codes(ds).includes('RL030@1:40-1:40'), JSON.stringify(codes(ds)));
  });

  it('R18: a class whose body ends with a comment ends at its line end with CRLF endings too', () => {
    const crlf = 'class A:\r\n    x = 1\r\n    # c\r\n';
    const [cls] = parsePythonFacts(crlf).classes;
    assert.equal(cls && show(cls.range), '0:0-2:7');
    assert.deepEqual(
      parsePythonFacts(crlf).classes.map((c) => show(c.range)),
      parsePythonFacts(crlf.replace(/\r\n/g, '\n')).classes.map((c) => show(c.range)),
    );
  });

  it('R8: 5,000 nested flow mappings are cut at 100 levels with an RL030, never handed to the parser', async () => {
    const engine = await engineWith({
      'apcore.yaml': 'extensions:\n  roots:\n\t- path: ext\n',
      'ext/m_meta.yaml': `description: ${'{"k": '.repeat(5000)}`,
      'ext/m.py': 'class M:\n    pass\n',
    });
    const ds = engine.allDiagnostics().filter((d) => d.file === 'ext/m_meta.yaml');
    // the reading stops there, and the message says so (never also 'the rest of the file is still analysed')
    assert.ok(
      ds.some((d) => d.message === 'Syntax error: nesting deeper than 100 levels; the rest of the file is not read'),
      JSON.stringify(ds.map((d) => d.message)),
    );
  });

  it('R8b: 20,000 lines of `key: value:` (each nests the next) are cut at 100 levels with an RL030, never handed to the parser', async () => {
    const engine = await engineWith({
      'apcore.yaml': 'extensions:\n  roots:\n\t- path: ext\n',
      'ext/m_meta.yaml': `description: d\nmetadata:\n${'  entry_point: x:\n'.repeat(20_000)}`,
      'ext/m.py': 'class M:\n    pass\n',
    });
    const ds = engine.allDiagnostics().filter((d) => d.file === 'ext/m_meta.yaml');
    assert.ok(
      ds.some((d) => d.message.includes('nesting deeper than 100 levels')),
      JSON.stringify(ds.map((d) => d.message)),
    );
  });

  it('fuzz: a double-quoted value left open before unindented lines ends there, as the parser ends it, so 900 `{` after it are cut at 100 levels (the scan read them as quoted: the parser got them, and read the file or overflowed the stack as the code was warm or not, an edit and a fresh read disagreeing)', async () => {
    const meta = (uuid: string): string => `description: d\nuuid: ${uuid}\nlicense: "MIT"\n`;
    const open = `"0000-\\\n${'\\\n'.repeat(50)}${'{'.repeat(900)}\\\n${'\\\n'.repeat(50)}tail`;
    const engine = await engineWith({
      'apcore.yaml': 'extensions:\n  roots:\n\t- path: ext\n',
      'ext/m_meta.yaml': meta('"0000"'),
      'ext/m.py': 'class M:\n    pass\n',
    });
    engine.setFile('ext/m_meta.yaml', meta(open));
    engine.update();
    const fresh = await engineWith({
      'apcore.yaml': 'extensions:\n  roots:\n\t- path: ext\n',
      'ext/m_meta.yaml': meta(open),
      'ext/m.py': 'class M:\n    pass\n',
    });
    const ds = engine.diagnostics('ext/m_meta.yaml').map((d) => `${d.code}@${show(d.range)} ${d.message}`);
    assert.ok(
      ds.includes('RL030@52:100-52:101 Syntax error: nesting deeper than 100 levels; the rest of the file is not read'),
      JSON.stringify(ds.filter((d) => d.startsWith('RL030'))),
    );
    assert.deepEqual(
      ds,
      fresh.diagnostics('ext/m_meta.yaml').map((d) => `${d.code}@${show(d.range)} ${d.message}`),
    );
  });

  it('R8c: 4,000 pairs of lines alternating between two wrong indents (each pair opens a level the parser never closes) make the document unread with one syntax error, never a stack overflow', async () => {
    const engine = await engineWith({
      'apcore.yaml': 'extensions:\n  roots:\n\t- path: ext\n',
      'ext/m_meta.yaml': `description: d\nchildren:\n    - name: v1\n      type: directory\n${'   ame: v1\n      type: directory\n'.repeat(4000)}      children:\n      - name: x.py\n-\n`,
      'ext/m.py': 'class M:\n    pass\n',
    });
    const ds = engine.allDiagnostics().filter((d) => d.file === 'ext/m_meta.yaml');
    assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => d.message)));
    assert.match(ds[0]?.message ?? '', /^Syntax error: the document nests too deeply to be read/);
  });

  it('fuzz: 9,000 comment lines after a registry are read, the entries after them too (tree-sitter-python looks ahead over every comment line at each line end: quadratic, 25 s before)', async () => {
    const broken = `LOCAL_STEPS = {\n    "A": {"sagemaker_step_type": "Utility", "description": "d"},\n    "B": {"description": }\n}\n`;
    const comments = '\n# Works {}\n'.repeat(9000);
    const later = 'STEP_OVERRIDES = {"bad name": {}}\n';
    const engine = await engineWith({ [REG('dave')]: broken + comments + later });
    const ds = engine.diagnostics(REG('dave')).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    const laterLine = (broken + comments).split('\n').length - 1;
    assert.ok(ds.includes('RL030@2:23'), JSON.stringify(ds));
    assert.ok(ds.includes(`RL009@${laterLine}:18`), JSON.stringify(ds));
  });

  it('R9: a node read through an alias is placed at the alias, so no range runs backwards', async () => {
    const engine = await engineWith({
      'steps/builders/builder_x_step_meta.yaml':
        'dependencies:\n  - &dep {module_id: Missing, optional: false}\n    - *dep',
      'steps/builders/builder_y_step_meta.yaml':
        'dependencies:\n  - &dep {module_id: Missing, optional: false}\n  - *dep\n  - [*dep]\n',
    });
    const all = engine.allDiagnostics();
    assert.ok(all.length > 0);
    for (const d of all)
      assert.ok(
        d.range.start.line < d.range.end.line ||
          (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character),
        show(d.range),
      );
    assert.ok(
      all.some((d) => d.code === 'RL020' && d.file.includes('_y_') && show(d.range) === '3:4-3:10'),
      JSON.stringify(all.map((d) => `${d.code}@${show(d.range)}`)),
    );
  });
});

describe('tolerance: the mid-edit corpus of the examples', () => {
  it('keeps every entry outside the broken one in at least 95% of states, RL030 on one line in 95%', async function () {
    this.timeout(300_000);
    const fig = emptyFigures();
    for (const name of ['demo-workspace', 'meta-workspace']) {
      const root = join(__dirname, '../../examples', name);
      const engine = await RegistryEngine.create(wasm);
      feedRoot(engine, root);
      // One deletion in 7 keeps the test quick; `npx tsx scripts/tolerance/measure.ts` runs them all.
      for (const file of measuredFiles(root)) measureFile(engine, file, readFileSync(join(root, file), 'utf8'), fig, 7);
    }
    assert.ok(fig.states > 500, String(fig.states));
    assert.ok(
      fig.statesAllOthersAnalysed / fig.states >= 0.95,
      `${fig.statesAllOthersAnalysed}/${fig.states}\n${fig.worst.join('\n')}`,
    );
    assert.ok(fig.statesRl030OneLine / fig.statesWithRl030 >= 0.95, `${fig.statesRl030OneLine}/${fig.statesWithRl030}`);
  });
});

describe("tolerance: tree-sitter's own stack", () => {
  it("a file whose error recovery builds a long parse stack is parsed, and later files still are (the fuzzer's 150 KB case)", async () => {
    await analyze('//- /src/cursus/registry/step_names.py\nSTEP_NAMES = {}\n');
    // Each repetition is a string right after a name: thousands of errors the parser recovers from in one stack.
    const demo = readFileSync(
      join(__dirname, '../../examples/demo-workspace/src/cursus/registry/step_names_original.py'),
      'utf8',
    );
    const at = demo.indexOf('"""Return') + '"""Ret'.length;
    const deep = demo.slice(0, at) + 'ct[str, Dict[str, Any]]:\n    """Ret'.repeat(4300) + demo.slice(at);
    assert.ok(
      withPythonTree(
        deep,
        (t) => t.rootNode.hasError,
        () => assert.fail('the parse was cut'),
      ),
      'the repeated errors are read as errors',
    );
    const { engine } = await analyze(
      '//- /src/cursus/registry/step_names.py\nSTEP_NAMES = {"A": {"sagemaker_step_type": "Processing",}\n',
    );
    assert.deepEqual(
      engine.allDiagnostics().map((d) => d.code),
      ['RL030'],
      'a parse after it reads its syntax error',
    );
  });
});
