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
import { editYaml as edit } from './yamlMutations';
import { requireOf, runInHeap, type HeapRun } from './smallHeap';

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
    assert.ok(
      spliceYaml(text, facts, text.replace('status: active\n  - name: y', 'status: wip\n  - name: y')),
      'a value inside one item',
    );
    assert.ok(
      spliceYaml(text, facts, text.replace('a: 1', 'a: 2').replace('y\n    status: active', 'y\n    status: wip')),
      'two values, no line moved',
    );
    assert.ok(
      spliceYaml(
        text,
        facts,
        text.replace('    status: active\n  - name: y', '    status: active\n    extra: 1\n  - name: y'),
      ),
      'a line added inside an item',
    );
    // An item's dash line removed: its other lines join the item above (never a list item without a dash).
    const joined = text.replace('  - name: y\n', '');
    assert.deepStrictEqual(spliceYaml(text, facts, joined) ?? parseYamlLit(joined), parseYamlLit(joined));
    for (const after of [
      text.replace('name: y', 'name: *y'), // an alias
      text.replace('name: y', 'name: "y'), // an unclosed quote
      text.replace('    status: active\n  - name: y', ' status: active\n  - name: y'), // a line less indented than its item
      text.replace('name: x', 'name: x\r'), // a lone CR
      `%YAML 1.1\n---\n${text}`, // a directive
    ])
      assert.equal(spliceYaml(text, facts, after), null, JSON.stringify(after));
  });

  it('keeps no version of the text a child was read again from (its strings are copies)', function () {
    this.timeout(60_000); // two child processes
    // V8 keeps a string cut from a text as a view into all of it: a child re-read from each new version
    // kept that version alive, a version per child edited (see splice.test.ts for the Python registries).
    // 60 edits of a 2 MB document in a child whose heap holds 64 MB: the versions would hold 120 MB.
    const run = (keepVersions: boolean): HeapRun =>
      runInHeap(
        64,
        `
      const { parseYamlLit } = ${requireOf('server/src/engine/yaml/yamlLit')};
      const { spliceYaml } = ${requireOf('server/src/engine/yaml/splice')};
      const { toPlain } = ${requireOf('server/src/engine/literal')};
      const rows = Array.from({ length: 60 }, (_, i) => '  step_' + i + ':\\n    description: the description of step number ' + i + '\\n');
      let text = 'steps:\\n' + rows.join('') + '# ' + 'padding '.repeat(250000) + '\\n';
      let facts = parseYamlLit(text);
      const versions = [];
      for (let i = 0; i < 60; i++) {
        const at = text.indexOf('step number ' + i + '\\n');
        const next = text.slice(0, at) + 'x' + text.slice(at);
        const spliced = spliceYaml(text, facts, next);
        if (!spliced) throw new Error('edit ' + i + ' was not read from its child');
        if (${keepVersions}) versions.push(text);
        [text, facts] = [next, spliced];
      }
      console.log(JSON.stringify(toPlain(facts.value).steps.step_59.description));
    `,
      );
    const copied = run(false);
    assert.equal(copied.status, 0, copied.stderr.slice(0, 500));
    assert.equal(copied.stdout.trim(), JSON.stringify('the description of xstep number 59'));
    // The control: the same edits with every version kept alive do not fit.
    assert.notEqual(run(true).status, 0);
  });
});
