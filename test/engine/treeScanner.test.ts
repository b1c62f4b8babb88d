// The `.onextree` fast path (families/onex/artifacts/treeScanner.ts) must give exactly the tree the YAML reading
// gives — every path, range, insertion point and indentation — for a text the YAML reading reads without
// error, or decline. Proven on the bench's tree, the example's and the example's written as omnibase
// writes trees (`namespace`, `children: null`, `children: []`) — where it must answer —, on 3,000
// mutated trees, on 2,000 trees damaged by the fuzzer and on names the YAML schema reads as something
// other than a string.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanOnextree } from '../../server/src/engine/families/onex/artifacts/treeScanner';
import { readOnextreeYaml } from '../../server/src/engine/families/onex/artifacts/onextree';
import { buildOnexOrg, ONEX_ORGS, renderTree } from '../../bench/onexOrg';
import { Rng } from '../../bench/rng';
import { editYaml } from './yamlMutations';
import { mutate, random } from '../../scripts/fuzz/mutate';

/** The fast path's tree, checked against the YAML reading; whether it answered. */
function proves(text: string, what: string): boolean {
  const fast = scanOnextree('src/.onextree', text);
  if (fast === null) return false;
  const yaml = readOnextreeYaml('src/.onextree', text);
  assert.deepStrictEqual(yaml.local, [], `${what}: the fast path answered for a text with YAML errors`);
  assert.deepStrictEqual([...fast.nodes], [...yaml.tree.nodes], `${what}: nodes (in order)`);
  assert.deepStrictEqual(fast, yaml.tree, what);
  return true;
}

/** A tree as omnibase's generator writes it: every node with a `namespace`, files with `children: null`, an empty directory with `children: []`. */
function omnibaseStyle(tree: string): string {
  let empty = false;
  return tree
    .split('\n')
    .flatMap((line, i, lines) => {
      const m = /^( *)type: (file|directory)$/.exec(line);
      if (!m) return [line];
      const indent = m[1] as string;
      const name = /name: (.*)$/.exec(lines[i - 1] ?? '')?.[1] ?? '';
      if (m[2] === 'directory') return [line, `${indent}namespace: null`];
      const children = empty ? 'null' : '[]';
      empty = true;
      return [
        line,
        `${indent}namespace: ${name.endsWith('.py') ? `python://bench.${name.slice(0, -3)}` : 'null'}`,
        `${indent}children: ${children}`,
      ];
    })
    .join('\n');
}

const TREES = [
  renderTree(buildOnexOrg(ONEX_ORGS['onex-small'])),
  readFileSync(join(__dirname, '../../examples/onex-registry/.onextree'), 'utf8'),
  omnibaseStyle(readFileSync(join(__dirname, '../../examples/onex-registry/.onextree'), 'utf8')),
];

/** Names (and types) the YAML schema may read as numbers, booleans or null, or that are not plain scalars at all. */
const NAMES = [
  'null',
  'Null',
  '~',
  'true',
  'False',
  '1.0',
  '1e3',
  '.inf',
  '.NaN',
  '0x1F',
  '0o7',
  '12',
  'v1_0_0',
  '.',
  '..',
  '.wip',
  '__init__.py',
  'a-b',
  '-a',
  'a b',
  'a: b',
  '"q"',
  "'q'",
  'a#b',
  'a #b',
  '',
  '[]',
  '{}',
  'é',
  'x/y',
];

describe('engine: .onextree fast path (families/onex/artifacts/treeScanner.ts)', () => {
  it("answers for the bench's and the example's trees, equal to the YAML reading", () => {
    for (const [i, text] of TREES.entries()) assert.ok(proves(text, `tree ${i}`), `the fast path declined tree ${i}`);
  });

  it('equals the YAML reading or declines on 3,000 mutated trees (1 to 3 edits each)', () => {
    const rng = new Rng(0x7ee5);
    const values = [...NAMES, 'file', 'directory', '', '[]', '\n  - name: x'];
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      let text = rng.pick(TREES);
      for (let k = rng.int(1, 3); k > 0; k--) text = editYaml(text, rng, values);
      if (proves(text, `mutant ${n}:\n${text}`)) answered++;
    }
    assert.ok(answered > 150, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('equals the YAML reading or declines on 2,000 trees damaged by the fuzzer (runs of one token, hostile characters)', () => {
    const r = random(0x7ee6);
    let answered = 0;
    for (let n = 0; n < 2000; n++) {
      let text = TREES[Math.floor(r() * TREES.length)] as string;
      for (let k = 1 + Math.floor(r() * 2); k > 0; k--) text = mutate(r, text);
      if (proves(text, `fuzzed ${n}`)) answered++;
    }
    assert.ok(answered >= 10, `the fast path answered only ${answered} of 2,000 fuzzed trees`);
  });

  it('reads names as the YAML schema does: a name that is not a string is left to the YAML reading', () => {
    for (const name of NAMES) {
      for (const text of [
        `name: ${name}\ntype: directory\n`,
        `name: r\nchildren:\n- name: ${name}\n  type: file\n`,
        `name: r\nchildren:\n- name: d\n  type: ${name}\n`,
      ])
        proves(text, JSON.stringify(text));
    }
    assert.equal(scanOnextree('.onextree', 'name: r\nchildren:\n- name: null\n'), null, 'null is not a name');
    assert.ok(scanOnextree('.onextree', 'name: r\nchildren:\n- name: v1_0_0\n'), 'a version directory is');
  });

  it('declines the shapes it does not read', () => {
    for (const text of [
      '',
      'name: r',
      'name: r\n\n',
      '# c\nname: r\n',
      'name: r\nchildren:\n',
      'name: r\nchildren: [ ]\n',
      'name: r\nchildren:\n  - name: a\n',
      'name: r\nnamespace: a:\n',
      'name: r\nnamespace: a b\n',
      'name: r\nchildren: null\ntype: directory\n',
      'name: r\nnamespace: null\ntype: directory\n',
      'name: r\nchildren:\n- name: a\n  size: 3\n',
      'name: r\nchildren:\n- type: file\n  name: a\n',
      'name: r\nchildren:\n- name: a\ntype: directory\n',
      'type: directory\nname: r\n',
      'name: r\r\n',
      'name: r  \n',
      'name: r # c\n',
      `name: r\n${'children:\n- name: a\n'.repeat(1)}${Array.from({ length: 30 }, (_, d) => `${'  '.repeat(d + 1)}children:\n${'  '.repeat(d + 1)}- name: a\n`).join('')}`,
    ])
      assert.equal(scanOnextree('.onextree', text), null, JSON.stringify(text));
  });
});
