// Reading a YAML edit from the block children it touched (yaml/splice.ts) must give exactly what
// reading the whole text gives, or decline. Checked on chains of random edits of the bench's ONEX
// registry and `.onextree`, interface files and the examples' YAML — within a line, and adding,
// removing, joining, splitting, re-indenting or doubling lines — where it must also answer for most edits.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlLit, type YamlFacts } from '../../server/src/engine/yaml/yamlLit';
import { spliceYaml } from '../../server/src/engine/yaml/splice';
import { buildOnexOrg, ONEX_ORGS, renderRegistry, renderTree } from '../../bench/onexOrg';
import { Rng } from '../../bench/rng';

function examplesYaml(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) examplesYaml(p, out);
    else if (/\.ya?ml$|\.onextree$/.test(name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

function corpus(): string[] {
  const org = buildOnexOrg({ ...ONEX_ORGS['onex-small'], artifacts: 20 });
  return [renderRegistry(org), renderTree(org), ...examplesYaml('examples').filter((t) => t.length > 200)];
}

const CHARS = ['"', "'", '{', '}', '[', ']', ',', ':', '#', '\\', ' ', 'a', 'Z', '_', '0', '-', '*', '&', '!', '|', '>', 'é', '?', '\t', '%'];
const VALUES = ['"active"', 'x', '""', '[a, b]', '{k: 1}', 'null', 'true', '12', '1e5', '|\n  text', '"a\n  b"', '- x', 'a: b', '&a x', '*a', '!tag x', ''];
const LINES = ['  - name: "new"', '    status: "wip"', 'key: value', '# a comment', '', '  children:', '  - name: x', '    type: file', '---', '      - version: "v9_0_0"', '- a'];

/** One edit: within one line (a character, a value), or moving lines (a line added, removed, joined, split, re-indented, doubled). */
function edit(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const at = rng.int(0, lines.length - 1);
  const line = lines[at] ?? '';
  switch (rng.int(0, 10)) {
    case 0: { const i = rng.int(0, line.length); lines[at] = line.slice(0, i) + rng.pick(CHARS) + line.slice(i); break; }
    case 1: { const i = rng.int(0, Math.max(0, line.length - 1)); lines[at] = line.slice(0, i) + line.slice(i + 1); break; }
    case 2: case 3: {
      const m = /: (.*)$/.exec(line);
      if (m?.[1] !== undefined) lines[at] = line.slice(0, m.index + 2) + rng.pick(VALUES);
      break;
    }
    case 4: lines[at] = `${' '.repeat(rng.int(0, 3))}${line.trimStart().length ? ' '.repeat(Math.max(0, line.length - line.trimStart().length - rng.int(0, 2))) : ''}${line.trimStart()}`; break;
    case 5: lines.splice(at, 0, rng.pick(LINES)); break;
    case 6: lines.splice(at, 2, `${line}${rng.pick(['', ' '])}${(lines[at + 1] ?? '').trimStart()}`); break;
    case 7: { const i = rng.int(0, line.length); lines.splice(at, 1, line.slice(0, i), `${' '.repeat(rng.int(0, 8))}${line.slice(i)}`); break; }
    case 8: lines.splice(at, 0, ...lines.slice(at, at + rng.int(1, 6))); break;
    case 9: { const a = rng.int(0, lines.length - 1); const b = rng.int(0, lines.length - 1); lines[a] = `${lines[a] ?? ''} `; lines[b] = (lines[b] ?? '').replace(/"(\w)/, '"z$1'); break; }
    default: lines.splice(at, rng.int(1, 6));
  }
  return lines.join('\n');
}

describe('engine: reading a YAML edit from the children it touched (yaml/splice.ts)', () => {
  for (const pyyaml of [false, true]) {
    it(`equals the whole read or declines along 150 chains of 8 random edits${pyyaml ? ' (PyYAML scalars)' : ''}, and answers for many (a chain stops answering after a syntax error)`, function () {
      this.timeout(120_000); // whole reads of every edit, on a machine that may be busy
      const files = corpus();
      const rng = new Rng(pyyaml ? 0x7a11 : 0x5917);
      let answered = 0;
      let moved = 0;
      let edits = 0;
      for (let n = 0; n < 150; n++) {
        let text = rng.pick(files);
        let facts: YamlFacts = parseYamlLit(text, { pyyaml });
        for (let k = 0; k < 8; k++) {
          const next = edit(text, rng);
          const spliced = spliceYaml(text, facts, next, { pyyaml });
          const whole = parseYamlLit(next, { pyyaml });
          edits++;
          if (spliced !== null) {
            answered++;
            if (next.split('\n').length !== text.split('\n').length) moved++;
            assert.deepStrictEqual(spliced, whole, `chain ${n}, edit ${k}:\n${next}`);
          }
          text = next;
          facts = spliced ?? whole;
        }
      }
      assert.ok(answered > edits / 8, `the splice answered only ${answered} of ${edits} edits`);
      assert.ok(moved > edits / 30, `the splice answered only ${moved} edits that add or remove lines`);
    });
  }

  it('declines what a whole read must decide', () => {
    const text = 'a: 1\nlist:\n  - name: x\n    status: active\n  - name: y\n    status: active\n';
    const facts = parseYamlLit(text);
    assert.ok(spliceYaml(text, facts, text.replace('status: active\n  - name: y', 'status: wip\n  - name: y')), 'a value inside one item');
    assert.ok(spliceYaml(text, facts, text.replace('a: 1', 'a: 2').replace('y\n    status: active', 'y\n    status: wip')), 'two values, no line moved');
    assert.ok(spliceYaml(text, facts, text.replace('    status: active\n  - name: y', '    status: active\n    extra: 1\n  - name: y')), 'a line added inside an item');
    // An item's dash line removed: its other lines join the item above (never a list item without a dash).
    const joined = text.replace('  - name: y\n', '');
    assert.deepStrictEqual(spliceYaml(text, facts, joined) ?? parseYamlLit(joined), parseYamlLit(joined));
    for (const after of [
      text.replace('name: y', 'name: *y'),                  // an alias
      text.replace('name: y', 'name: "y'),                  // an unclosed quote
      text.replace('    status: active\n  - name: y', ' status: active\n  - name: y'), // a line less indented than its item
      text.replace('name: x', 'name: x\r'),                 // a lone CR
      `%YAML 1.1\n---\n${text}`,                            // a directive
    ]) assert.equal(spliceYaml(text, facts, after), null, JSON.stringify(after));
  });
});
