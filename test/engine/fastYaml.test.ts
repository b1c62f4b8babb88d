// The fast path of parseYamlLit (yaml/fastYaml.ts) must give exactly what the parser gives — the value
// with every range, no errors — or decline. Proven on the bench corpus (every YAML file of the small
// generated orgs, where it must also answer), on the examples' YAML, on files mutated by a
// deterministic mutator, and on scalars whose type is easy to get wrong, in both scalar modes.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fastYamlLit, fullYamlLit, parseYamlDocs } from '../../server/src/engine/yaml/yamlLit';
import { buildOrg, ORGS } from '../../bench/generate';
import { renderMeta } from '../../bench/metaFiles';
import { buildInterfaceOrg, INTERFACE_ORGS, renderInterface } from '../../bench/interfaceOrg';
import { buildOnexOrg, ONEX_ORGS, renderMetadata, renderRegistry, renderTree } from '../../bench/onexOrg';
import { Rng } from '../../bench/rng';
import { editYaml, YAML_VALUES } from './yamlMutations';
import { mutate, random } from '../../scripts/fuzz/mutate';

interface File {
  path: string;
  text: string;
  pyyaml: boolean;
}

/** Every YAML file of the small bench orgs: companions, interfaces (read as PyYAML reads them), ONEX registry, tree and metadata. */
function benchFiles(): File[] {
  const onex = buildOnexOrg(ONEX_ORGS['onex-small']);
  return [
    ...buildOrg(ORGS.small).metas.map((m) => ({ path: m.path, text: renderMeta(m), pyyaml: false })),
    ...buildInterfaceOrg(INTERFACE_ORGS['interfaces-small']).interfaces.map((m) => ({
      path: m.path,
      text: renderInterface(m),
      pyyaml: true,
    })),
    { path: 'registry.yaml', text: renderRegistry(onex), pyyaml: false },
    { path: '.onextree', text: renderTree(onex), pyyaml: false },
    ...onex.artifacts.flatMap((a) =>
      a.versions.map((v) => ({ path: `${a.name}/${v.dirName}`, text: renderMetadata(a, v), pyyaml: false })),
    ),
  ];
}

function examples(dir = join(__dirname, '../../examples'), out: File[] = []): File[] {
  for (const e of readdirSync(dir).sort()) {
    const abs = join(dir, e);
    if (statSync(abs).isDirectory()) examples(abs, out);
    else if (/\.ya?ml$|^\.onextree$/.test(e))
      out.push({ path: abs, text: readFileSync(abs, 'utf8'), pyyaml: e.endsWith('.step.yaml') });
  }
  return out;
}

/** Scalars whose type or reading differs between YAML versions, or that only look like plain text. */
const SCALARS = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '0o7',
  '0o8',
  '07',
  '0x1F',
  '0x',
  '0b1',
  '1_000',
  '1e3',
  '1E-3',
  '1.5e3',
  '1e',
  '-1e5',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  '-0',
  '+1',
  '+.5',
  '1.',
  '.5',
  '0.0',
  '1.0',
  '12345678901234567890',
  '1:30',
  '2026-01-15',
  '2026-01-15T00:00:00Z',
  '1.8.1',
  'v1_0_0',
  'a#b',
  'a #b',
  'a:b',
  'http://x:80/y',
  '-x',
  '-',
  "'it''s'",
  "''",
  '""',
  '"a #b"',
  '"a\\"b"',
  '"\\u00e9"',
  "'a\\b'",
  '"é 😀"',
  '[a, b]',
  '[ a , "b" ]',
  '[a,b]',
  '[]',
  '[ ]',
  '[a, ]',
  '[-1, +2]',
  '[a: b]',
  '[a, [b]]',
  '{}',
  '{ }',
  '{a: 1}',
  '[a] # c',
  '[a]x',
  '"a"b',
  '"a" # c',
  '"a"#c',
  '@x',
  '`x`',
  '%x',
  '&a x',
  '*a',
  '!!str 1',
  '|',
  '>-',
];

describe('engine: YAML fast path (yaml/fastYaml.ts)', () => {
  let bench: File[] = [];
  before(() => {
    bench = benchFiles();
  });

  it('answers for every YAML file of the small bench orgs, equal to the parser', () => {
    for (const f of bench) {
      const fast = fastYamlLit(f.text, f.pyyaml);
      assert.ok(fast, `the fast path declined ${f.path}`);
      assert.deepStrictEqual(fast, fullYamlLit(f.text, { pyyaml: f.pyyaml }), f.path);
    }
  });

  it("equals the parser or declines on the examples' YAML, in both scalar modes", () => {
    let answered = 0;
    const files = examples();
    for (const f of files) {
      for (const pyyaml of [false, true]) {
        const fast = fastYamlLit(f.text, pyyaml);
        if (fast === null) continue;
        if (pyyaml === f.pyyaml) answered++;
        assert.deepStrictEqual(fast, fullYamlLit(f.text, { pyyaml }), f.path);
      }
    }
    assert.ok(answered >= files.length / 2, `the fast path answered only ${answered} of ${files.length}`);
  });

  it('equals the parser or declines on 3,000 mutated YAML files (1 to 3 edits each)', () => {
    const files = [...bench.filter((_, i) => i % 25 === 0), ...examples()];
    const values = [...YAML_VALUES, ...SCALARS];
    const rng = new Rng(0xfa57);
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      let text = rng.pick(files).text;
      for (let k = rng.int(1, 3); k > 0; k--) text = editYaml(text, rng, values);
      const pyyaml = rng.chance(0.5);
      const fast = fastYamlLit(text, pyyaml);
      if (fast === null) continue;
      answered++;
      assert.deepStrictEqual(fast, fullYamlLit(text, { pyyaml }), `mutant ${n}:\n${text}`);
    }
    assert.ok(answered > 900, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('equals the parser or declines on 500 files damaged by the fuzzer (runs of one token, hostile characters)', () => {
    const files = examples();
    const r = random(0xfa58);
    let answered = 0;
    for (let n = 0; n < 500; n++) {
      let text = (files[Math.floor(r() * files.length)] as File).text;
      for (let k = 1 + Math.floor(r() * 2); k > 0; k--) text = mutate(r, text);
      const pyyaml = r() < 0.5;
      const fast = fastYamlLit(text, pyyaml);
      if (fast === null) continue;
      answered++;
      assert.deepStrictEqual(fast, fullYamlLit(text, { pyyaml }), `mutant ${n}:\n${text}`);
    }
    assert.ok(answered > 25, `the fast path answered only ${answered} of 500 mutants`);
  });

  it('types every scalar as the parser does (as a value, an item, a flow item and a key), or declines', () => {
    for (const s of SCALARS) {
      for (const text of [
        `k: ${s}\n`,
        `- ${s}\n`,
        `k: [${s}]\n`,
        `${s}: v\n`,
        `- ${s}: v\n  w: 1\n`,
        `k:\n  - ${s}  # c\n`,
      ]) {
        for (const pyyaml of [false, true]) {
          const fast = fastYamlLit(text, pyyaml);
          if (fast)
            assert.deepStrictEqual(
              fast,
              fullYamlLit(text, { pyyaml }),
              `${JSON.stringify(text)}${pyyaml ? ' (PyYAML)' : ''}`,
            );
        }
      }
    }
    assert.ok(fastYamlLit('a: 1e3\nb: yes\nc: 0o7\nd: ~\n', true), 'typed scalars are read');
  });

  it('reads the shapes of real registry files: a `---` first, comments, compact sequences, empty values, wrapped and escaped text', () => {
    const text =
      '# stamp\n---\n\nname: "x"  # c\ntags: ["a", b]\nextra: {}\nnone:\nlist:\n- a: 1\n  b:\n-\n- [ ]\n# end\n' +
      "description: >\n  Folded\n  text.\nscript: |\n  a\n    b\nwrapped: 'A long value\n  wrapped by PyYAML''s dump.\n\n  '\n" +
      'plain: a plain value\n  wrapped too\nescaped: "caf\\u00e9 \\"quoted\\" \\\n  joined"\nlast: -x\n';
    const fast = fastYamlLit(text, false);
    assert.ok(fast);
    assert.deepStrictEqual(fast, fullYamlLit(text));
    assert.deepStrictEqual(parseYamlDocs(text), [
      { ...fast, marker: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } },
    ]);
  });

  it('declines what the parser must read', () => {
    for (const text of [
      '',
      '# only a comment\n',
      'a: &x 1\nb: *x\n',
      'a: !tag x\n',
      'a: b\n  - c\n',
      'a: b\n  c: d\n',
      'a: b\n  c #d\n',
      'a: "\\q"\n',
      'a: "\\x4"\n',
      'a: |-\n  x\n',
      'a: >2\n  x\n',
      'a: >\n  x\n\n  y\n',
      'a: >\n  x\n    y\n',
      "a: 'x\ny'\n",
      'a:\tb\n',
      'a: b\r\n',
      '\uFEFFa: b\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: {b: 1}\n',
      'a: [b, [c]]\n',
      'a: [b,\n  c]\n',
      '? a\n: b\n',
      'a: b: c\n',
      '- - a\n',
      'a: 1\n - b\n',
      'a: 1\n  b: 2\n',
      'just text\n',
      '[a, b]\n',
      '  a: 1\n',
      'a : 1\n',
      '<<: {}\n',
      `${'k'.repeat(1100)}: v\n`,
      'a: "unclosed\n',
      'a: b # c\n# d\n  e: 1\n',
      'a: "x"y\n',
      'a: [x]y\n',
      `a: x${'- '.repeat(120)}\n`,
    ]) {
      assert.equal(fastYamlLit(text, false), null, JSON.stringify(text));
      assert.equal(fastYamlLit(text, true), null, JSON.stringify(text));
    }
  });
});
