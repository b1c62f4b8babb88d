// The same in-editor suite in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (update.code.visualstudio.com); on Linux without a display run it under xvfb-run.
// On this project's CI machine it runs inside code-server instead (test/e2e/extensionHost.e2e.mjs).
//
//   npm run test:extension:electron                 (VSCODE_VERSION=1.91.0 to pin a version)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-ext-electron-')), 'results.json');
const userData = path.join(path.dirname(results), 'user-data');
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'test', 'extension', 'suite', 'index.js'),
    extensionTestsEnv: { RL_EXT_TEST_RESULTS: results },
    launchArgs: [
      path.join(REPO, 'examples', 'demo-workspace'),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
    ],
  });
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  for (const t of r.tests) console.log(`  ${t.state === 'passed' ? '✔' : '✘'} ${t.title}`);
  console.log(`VS Code ${r.vscode}: ${r.tests.length - r.failures} passing, ${r.failures} failing`);
} catch (e) {
  console.error(`extension tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(path.dirname(results), { recursive: true, force: true });
}
