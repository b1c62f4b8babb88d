// The fix sweep (fixSweep.ts) on real trees, too large for `npm test`: every fix proposed on each root
// applied alone. Roots: FIX_SWEEP_ROOTS (colon-separated absolute paths), else the real checkouts beside
// this one and the ONEX contracts example. Run:
//   npx mocha --no-config --require tsx/cjs --timeout 0 test/engine/fixSweep.slow.ts
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openTree, sweepFixes } from './fixSweep';

const ROOTS = (
  process.env.FIX_SWEEP_ROOTS?.split(':') ?? [
    '/work/real/cursus',
    '/work/real/omnibase_infra',
    join(__dirname, '../../examples/onex-contracts'),
  ]
).filter((r) => r !== '');

describe('fix sweep on real trees', function () {
  this.timeout(0);
  for (const root of ROOTS)
    it(`every fix of ${root}`, async function () {
      if (!existsSync(root)) this.skip();
      const { engine, tree } = await openTree(root);
      const { applied, broken } = sweepFixes(engine, tree);
      console.log(`    ${root}: ${applied} fixes applied, ${broken.length} broke their file or brought an error`);
      assert.deepEqual(broken, []);
    });
});
