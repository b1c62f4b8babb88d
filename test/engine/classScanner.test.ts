// The class scanner (the fast path of parsePythonFacts for files that need only their classes) must
// give exactly what the full tree-sitter parse gives, or decline. Proven on the bench corpus (every
// Python file of the small generated org, where it must also answer) and on files mutated by a
// deterministic mutator (where it may decline, never differ).
import { strict as assert } from 'node:assert';
import { initParsers } from './helpers';
import { parsePythonFacts } from '../../server/src/engine/python/facts';
import { scanClasses } from '../../server/src/engine/python/classScanner';
import { buildOrg, ORGS, renderComponent, renderCoreRegistry, renderWorkspaceRegistry } from '../../bench/generate';
import { Rng } from '../../bench/rng';
import { mutate } from './pythonMutations';

/** The classes of the full parse (registry mode never takes the fast path; classes are read the same way). */
const full = (text: string): unknown => parsePythonFacts(text, true).classes;

function corpus(): { path: string; text: string }[] {
  const org = buildOrg(ORGS.small);
  return [
    ...org.components.map((c) => ({ path: c.path, text: renderComponent(c) })),
    ...org.workspaces.slice(0, 20).map((ws) => ({ path: ws.registryPath, text: renderWorkspaceRegistry(ws) })),
    { path: org.corePath, text: renderCoreRegistry(org) },
  ];
}

describe('engine: class scanner (fast path for class-only files)', () => {
  before(async () => {
    await initParsers();
  });

  it('equals the full parse on every Python file of the bench corpus, and answers for every builder and config module', () => {
    const files = corpus();
    let declined = 0;
    for (const f of files) {
      const fast = scanClasses(f.text);
      if (fast === null) { declined++; continue; }
      assert.deepEqual(fast, full(f.text), f.path);
    }
    const components = files.filter((f) => /\/(builders|configs)\//.test(f.path));
    assert.equal(components.filter((f) => scanClasses(f.text) === null).length, 0, 'the fast path declined a generated module');
    assert.ok(declined < files.length);
  });

  it('equals the full parse or declines on 3,000 mutated files (1 to 3 mutations each)', () => {
    const files = corpus().filter((_, i) => i % 2 === 0);
    const rng = new Rng(0xc1a55);
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      const base = rng.pick(files);
      let text = base.text;
      for (let k = rng.int(1, 3); k > 0; k--) text = mutate(text, rng);
      const fast = scanClasses(text);
      if (fast === null) continue;
      answered++;
      assert.deepEqual(fast, full(text), `mutant ${n} of ${base.path}:\n${text}`);
    }
    assert.ok(answered > 300, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('declines what it cannot vouch for', () => {
    for (const text of [
      'class A:\n    x = 1\n  # between\n', 'class A:\n\tx = 1\n', 'class A:\r\n    pass\r\n', 'class A:\n    é = 1\n', 'x = \\\n    1\nclass A:\n    pass\n',
      'class A:\n    x = (\n', 'class A: pass\n', 'class A:\n    s = f"{d["k"]}"\n', 'class A:\n    x = = 1\n', 'class A:\n    def f(self):\n    pass\n',
    ]) assert.equal(scanClasses(text), null, JSON.stringify(text));
  });
});
