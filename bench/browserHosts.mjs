// The web extension's speed beside the desktop's: the packaged .vsix in code-server + Chromium, once in VS Code's web
// worker extension host (`remote.extensionKind` web) and once in the Node extension host (workspace), on the same copy
// of an example, in alternating rounds (the machine is shared and its speed moves: only ratios within a run count).
// Each measure opens the folder in a fresh browser context and times until the Problems panel lists EXPECTED.json's
// problems. Prints each host's median, the ratio of the medians and the ratio per round.
//
//   npm run package && node bench/browserHosts.mjs [--rounds N] [--examples demo-workspace,onex-contracts]
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  killStrayCodeServers,
  launchBrowser,
  missingProblems,
  openWorkbench,
  startCodeServer,
} from '../scripts/e2e/code-server.mjs';
import { EXTENSION_ID, VSIX, expectedOf } from '../test/e2e/suite.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    examples: { type: 'string', default: 'demo-workspace,onex-contracts' },
  },
});
const ROUNDS = Number(values.rounds);
const EXAMPLES = values.examples.split(',');
const HOSTS = { node: ['workspace'], worker: ['web'] };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Milliseconds from opening `root` in `server`'s workbench until the Problems panel lists `expected` (and when ready). */
async function timeToProblems(browser, server, root, expected) {
  const t0 = Date.now();
  const wb = await openWorkbench(browser, server, { folder: root, viewport: { width: 1400, height: 1400 } });
  const ready = Date.now() - t0;
  try {
    await wb.openProblems();
    await wb.maximizePanel(true); // the list is virtualised: room for every row
    await wb.waitForProblems((rows) => missingProblems(expected, rows).length === 0, {
      timeout: 180_000,
      message: `every expected problem of ${path.basename(root)}`,
    });
    return { total: Date.now() - t0, ready };
  } finally {
    await wb.page.context().close();
  }
}

assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run \`npm run package\``);
killStrayCodeServers();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-hosts-'));
const servers = {};
let browser;
try {
  const roots = Object.fromEntries(
    EXAMPLES.map((example) => {
      const root = path.join(tmp, example);
      fs.cpSync(path.join(REPO_ROOT, 'examples', example), root, { recursive: true });
      return [example, root];
    }),
  );
  for (const [host, kind] of Object.entries(HOSTS))
    servers[host] = await startCodeServer({
      extensions: [VSIX],
      settings: { 'remote.extensionKind': { [EXTENSION_ID]: kind } },
    });
  browser = await launchBrowser();
  const times = {}; // example -> host -> [{ total, ready }]
  // round 0 warms both servers and the page cache; it is not counted
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? ['node', 'worker'] : ['worker', 'node'];
    for (const example of EXAMPLES)
      for (const host of order) {
        const t = await timeToProblems(browser, servers[host], roots[example], expectedOf(roots[example]));
        console.log(`round ${round} ${example} ${host}: ${t.total} ms (workbench ready at ${t.ready} ms)`);
        if (round > 0) ((times[example] ??= {})[host] ??= []).push(t);
      }
  }
  // the hosts were the ones asked for: the Node host's log names the activation only in its server
  assert.ok(servers.node.exthostLog().includes(`_doActivateExtension ${EXTENSION_ID},`), 'the Node host activated it');
  assert.ok(!servers.worker.exthostLog().includes(`_doActivateExtension ${EXTENSION_ID},`), 'only the worker ran it');

  console.log(`\n${ROUNDS} rounds, alternating hosts, load average ${os.loadavg()[0].toFixed(1)} at the end`);
  console.log('example | node median | worker median | worker / node | per round | after the workbench was ready');
  for (const example of EXAMPLES) {
    const { node, worker } = times[example];
    const med = (ts, key) => median(ts.map((t) => t[key]));
    const perRound = node.map((n, i) => worker[i].total / n.total);
    const afterReady = med(worker, 'total') - med(worker, 'ready');
    const nodeAfterReady = med(node, 'total') - med(node, 'ready');
    console.log(
      `${example} | ${med(node, 'total')} ms | ${med(worker, 'total')} ms | ` +
        `${(med(worker, 'total') / med(node, 'total')).toFixed(2)} | ` +
        `${perRound.map((r) => r.toFixed(2)).join(', ')} (median ${median(perRound).toFixed(2)}) | ` +
        `${nodeAfterReady} / ${afterReady} ms: ${(afterReady / nodeAfterReady).toFixed(2)}`,
    );
  }
} finally {
  await browser?.close();
  for (const server of Object.values(servers)) await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
