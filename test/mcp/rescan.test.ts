// The oracle "live server == fresh run" for the MCP server's re-scan (rescanOracle.ts) on four examples, over a
// short sequence of random changes on disk each; `npm run test:soak` runs the longer ones (test/soak/diskOracles.test.ts).
import { RESCAN_EXAMPLES, rescanOracle } from './rescanOracle';

/** The start and the random changes after it. */
const SHORT_STEPS = 4;

describe('mcp: live server == fresh run across random changes on disk', function () {
  this.timeout(300_000);
  for (const [seed, example, edits] of RESCAN_EXAMPLES)
    it(`${example}, seed ${seed}, ${SHORT_STEPS} steps`, () => rescanOracle(seed, example, edits, SHORT_STEPS));
});
