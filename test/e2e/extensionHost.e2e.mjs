// Runs the in-editor mocha suite (test/extension/suite, bundled to out/test/extension) inside
// code-server's extension host, the way @vscode/test-electron runs it in desktop VS Code: the repo
// is the development extension, examples/demo-workspace the folder (see scripts/e2e/NOTES.md).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, RESULTS_DIR, killStrayCodeServers, runExtensionTests } from '../../scripts/e2e/code-server.mjs';

const DEMO = path.join(REPO_ROOT, 'examples', 'demo-workspace');
const SUITE = path.join(REPO_ROOT, 'out', 'test', 'extension', 'suite', 'index.js');

describe("in-editor suite in code-server's extension host", function () {
  this.timeout(360_000);

  it('passes (languages.getDiagnostics, executeHoverProvider, executeDefinitionProvider, executeCommand)', async function () {
    assert.ok(fs.existsSync(SUITE), `${SUITE} missing: run \`node test/extension/build.mjs\``);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js')), 'dist/ missing: run `npm run build`');
    killStrayCodeServers();
    const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-ext-tests-')), 'results.json');
    let run;
    let results;
    try {
      run = await runExtensionTests({
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: SUITE,
        folder: DEMO,
        env: { RL_EXT_TEST_RESULTS: resultsFile },
      });
      results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : null;
    } finally {
      fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'extension-host-results.json'),
      JSON.stringify({ code: run.code, ms: run.ms, results }, null, 2),
    );
    if (results) {
      for (const t of results.tests)
        console.log(
          `      ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-'} [exthost] ${t.title}${t.ms === undefined ? '' : ` (${t.ms} ms)`}`,
        );
      console.log(`      [exthost] VS Code ${results.vscode}, Node ${results.node}, ${run.ms} ms`);
    }
    const failed = results?.tests.filter((t) => t.state === 'failed') ?? [];
    assert.equal(
      run.code,
      0,
      [
        `extension tests exited ${run.code}`,
        ...failed.map((t) => `${t.title}\n${t.error}`),
        results
          ? ''
          : `no results file; browser console:\n${run.console.slice(-60).join('\n')}\nexthost log:\n${run.exthostLog.slice(-4000)}`,
      ].join('\n'),
    );
    assert.ok(
      results && results.tests.length >= 5 && results.tests.every((t) => t.state === 'passed'),
      JSON.stringify(results),
    );
  });
});
