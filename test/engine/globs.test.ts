// The one glob door (engine/util/globs.ts): picomatch's answers on a random corpus of VS Code's glob
// syntax (but the documented differences), refusals with their reason, and a cost linear in the name's
// length and the path's depth where picomatch backtracks for minutes (R32) or tests glob by glob (R22).
import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { compileGlobs, MAX_WILDCARD_GLOBS } from '../../server/src/engine/util/globs';

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

describe('globs: one matcher for a list, without backtracking', () => {
  it('answers as picomatch (dot: true) on 100,000 random pairs of a glob and a path', () => {
    const rnd = random(55);
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
    const atoms = ['a', 'b', '.', '*', '?', '**', '[ab]', '[a-b]', '[^a]', '{a,b}', '{a,*}', '{a,{b,.}}', '_', '\\*'];
    const name = (): string => Array.from({ length: 1 + rnd(4) }, () => pick(['a', 'b', '.', '_', '*'])).join('');
    let compared = 0;
    for (let k = 0; k < 2500; k++) {
      const glob = Array.from({ length: 1 + rnd(4) }, () =>
        Array.from({ length: 1 + rnd(3) }, () => pick(atoms)).join(''),
      ).join('/');
      const theirs = picomatch(glob, { dot: true });
      const ours = compileGlobs([glob]);
      assert.deepEqual(ours.refused, []);
      for (let t = 0; t < 40; t++) {
        const path = Array.from({ length: 1 + rnd(4) }, name).join('/');
        if (path.split('/').some((s) => s === '.' || s === '..')) continue;
        compared++;
        // picomatch's one difference here: `x/*/**` needs a name after the star (`x/**` takes none); we take none.
        const zeroAfterStar = glob.endsWith('/**') && compileGlobs([glob.slice(0, -3)]).matches(path);
        if (!zeroAfterStar) assert.equal(ours.matches(path), theirs(path), `${glob} on ${path}`);
      }
    }
    assert.ok(compared > 60_000, `${compared} compared`);
  });

  it('the globs of real settings, each with a match and a miss', () => {
    const cases: [string, string, string][] = [
      ['**/node_modules/**', 'a/node_modules/b/c.py', 'a/node_modules_x/b.py'],
      ['**/.git', 'x/.git', 'x/.github'],
      ['src/**/*_meta.yaml', 'src/a/b/x_meta.yaml', 'src/a/b/x_meta.yml'],
      ['**/registry/step_names.py', 'step_names.py'.replace(/^/, 'registry/'), 'registry/x/step_names.py'],
      ['extensions/**/*.{py,ts,js}', 'extensions/a/b.ts', 'extensions/a/b.tsx'],
      [
        'developer_workspaces/developers/*/src/cursus_dev/registry/workspace_registry.py',
        'developer_workspaces/developers/al/src/cursus_dev/registry/workspace_registry.py',
        'developer_workspaces/developers/a/b/src/cursus_dev/registry/workspace_registry.py',
      ],
      ['a/[!b]c', 'a/xc', 'a/bc'],
      ['./docs', 'docs', 'docs/x'],
      ['x/[a', 'x/[a', 'x/a'],
    ];
    for (const [glob, hit, miss] of cases) {
      const g = compileGlobs([glob]);
      assert.equal(g.matches(hit), true, `${glob} on ${hit}`);
      assert.equal(g.matches(miss), false, `${glob} on ${miss}`);
    }
  });

  it('refuses what it does not read, with why; the rest of the list applies', () => {
    const g = compileGlobs(['!x', '@(a|b)', 'x/{1..3}', `${'{a,b}'.repeat(7)}`, 'kept/*']);
    assert.deepEqual(
      g.refused.map((r) => r.glob),
      ['!x', '@(a|b)', 'x/{1..3}', '{a,b}'.repeat(7)],
    );
    assert.match(g.refused[3]?.why ?? '', /more than 64 alternatives/);
    assert.equal(g.matches('kept/a'), true);
    const many = compileGlobs(
      Array.from({ length: MAX_WILDCARD_GLOBS + 5 }, (_, i) => `d${i}/*`).concat(['exact/path']),
    );
    assert.equal(many.refused.length, 5);
    assert.match(many.refused[0]?.why ?? '', /more than 256 globs with wildcards/);
    assert.equal(many.matches('exact/path'), true);
    assert.equal(many.matches('d3/x'), true);
  });

  /** CPU milliseconds of `runs` tests of `path`. */
  function cpu(matches: (p: string) => boolean, path: string, runs: number): number {
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) matches(path);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }

  const shapes: [string, string, (n: number) => string][] = [
    [
      'ten stars in a name, a long name of the starred letter (R32)',
      `**/${'*a'.repeat(10)}*b`,
      (n) => `x/${'a'.repeat(n)}`,
    ],
    [
      'four globstars, a deep path of the named directory',
      '**/a/**/a/**/a/**/b',
      (n) => Array.from({ length: n / 2 }, () => 'a').join('/'),
    ],
    [
      'stars in names under globstars, a deep path of long names',
      '**/*a*/**/*a*a*/**/*b',
      (n) => Array.from({ length: n / 64 }, () => 'a'.repeat(63)).join('/'),
    ],
  ];
  for (const [name, glob, path] of shapes) {
    it(`linear in the path: ${name}`, () => {
      const { matches } = compileGlobs([glob]);
      assert.equal(matches(path(1000)), false);
      const small = Math.min(...[0, 1, 2].map(() => cpu(matches, path(2000), 20)));
      const large = Math.min(...[0, 1, 2].map(() => cpu(matches, path(8000), 20)));
      // ×4 the length: linear gives ×4, quadratic ×16 (a floor of 2 ms below which the timer speaks).
      assert.ok(
        large / Math.max(small, 2) < 9,
        `×4 the path took ×${(large / Math.max(small, 2)).toFixed(1)} (${small.toFixed(1)} → ${large.toFixed(1)} ms)`,
      );
    });
  }
});
