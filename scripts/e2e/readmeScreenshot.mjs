// The README's screenshot (media/readme/problems.png), taken again from the demo as it is: the packaged
// extension in code-server on a throwaway copy of examples/demo-workspace, bob_nlp's workspace registry
// open beside the Problems panel. Run after `bash scripts/e2e/setup.sh && npm run package`:
//
//   node scripts/e2e/readmeScreenshot.mjs [--out FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, WORKBENCH_SETTINGS, Workbench, launchBrowser, startCodeServer, waitFor } from './code-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const i = process.argv.indexOf('--out');
const out = path.resolve(i > 0 ? process.argv[i + 1] : path.join(REPO_ROOT, 'media', 'readme', 'problems.png'));
const vsix = path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'registry-lens-shot-')), 'demo-workspace');
fs.cpSync(path.join(REPO_ROOT, 'examples', 'demo-workspace'), folder, { recursive: true });

const server = await startCodeServer({ extensions: [vsix], baseSettings: WORKBENCH_SETTINGS });
const browser = await launchBrowser();
try {
  // a patient page: on a loaded machine the workbench's first load takes longer than a test allows
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 800 } })).newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(server.folderUrl(folder));
  const wb = new Workbench(page, { server });
  await wb.waitReady({ folder, timeout: 300_000 });
  await wb.quickOpen('developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py', {
    timeout: 300_000,
  });
  await wb.openProblems();
  // the file's context analysed, then the rows the panel has room for (it renders only those in view)
  await waitFor(
    async () =>
      /this file: bob_nlp/.test(
        (await wb.page
          .locator('[id$="registryLens.status"]')
          .first()
          .textContent({ timeout: 2_000 })
          .catch(() => '')) || '',
      ),
    { timeout: 120_000, message: 'bob_nlp analysed' },
  );
  await wb.waitForProblems((rows) => rows.length >= 4, { timeout: 120_000, message: 'the demo’s problems' });
  await waitFor(async () => (await wb.page.locator('.codelens-decoration').count()) > 0, {
    timeout: 30_000,
    message: 'the code lenses',
  });
  await wb.parkMouse();
  await wb.page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
}
