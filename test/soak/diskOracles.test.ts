// The long sequences of the oracles over random edits on disk (`npm run test:soak`, in CI after `npm test`, which runs
// the first few steps of each): `check --daemon` and `check --cache` against a fresh `check`, and the MCP server's
// re-scan against a fresh `check`, on the same examples and seeds. SOAK_DISK_STEPS overrides the length (8).
import { DISK_EXAMPLES } from '../engine/randomEdits';
import { daemonHooks, daemonOracle } from '../cli/daemonHarness';
import { cacheHooks, cacheOracle } from '../cli/cacheHarness';
import { RESCAN_EXAMPLES, rescanOracle } from '../mcp/rescanOracle';

const STEPS = Number(process.env['SOAK_DISK_STEPS'] ?? 8);

describe(`soak: check --daemon == fresh run over ${STEPS} random edits on disk`, function () {
  this.timeout(0);
  const served = daemonHooks();
  for (const [i, [example, edits]] of DISK_EXAMPLES.entries())
    it(`${example}, seed ${i + 1}`, () => daemonOracle(served, example, edits, i + 1, STEPS));
});

describe(`soak: check --cache == fresh run over ${STEPS} random edits on disk`, function () {
  this.timeout(0);
  cacheHooks();
  for (const [i, [example, edits]] of DISK_EXAMPLES.entries())
    it(`${example}, seed ${i + 1}`, () => cacheOracle(example, edits, i + 1, STEPS));
});

describe(`soak: the MCP server's re-scan == fresh run over ${STEPS} random changes on disk`, function () {
  this.timeout(0);
  for (const [seed, example, edits] of RESCAN_EXAMPLES)
    it(`${example}, seed ${seed}`, () => rescanOracle(seed, example, edits, STEPS));
});
