// One of the two writers of writeRace.test.ts, a separate process as a second MCP server on the root
// would be: each line on stdin is a fix ({root, fix}) to write with the MCP server's own writeFix, each
// line on stdout the answer ({applied: true} or {error}).
import { createInterface } from 'node:readline';
import type { FixInput } from '../../server/src/mcp/schemas';
import { writeFix } from '../../server/src/mcp/writeFix';

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { root, fix } = JSON.parse(line) as { root: string; fix: FixInput };
  let answer: object;
  try {
    writeFix(root, fix, 64 * 1024 * 1024);
    answer = { applied: true };
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
});
