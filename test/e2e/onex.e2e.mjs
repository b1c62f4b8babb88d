// ONEX in real VS Code: the packaged .vsix in code-server opens a copy of examples/onex-registry; the
// Problems panel lists its seeded problems, and nothing else, without opening a file, the hover on an artifact shows its
// versions, a version's `metadata_file` is a link to that file, and a `.wip` marker created on disk turns a
// version into work in progress live.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, waitFor, missingProblems } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const REG = 'src/demo_onex/registry/registry.yaml';
const LOGGER_WIP = 'src/demo_onex/nodes/logger_node/v1_0_0/.wip';

describe('ONEX registries in VS Code (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  const s = onExample('onex-registry', { label: 'onex' });
  let wb;

  /** 1-based line of the first line of the registry matching `re`. */
  const lineOf = (re) =>
    fs
      .readFileSync(path.join(s.root, REG), 'utf8')
      .split('\n')
      .findIndex((l) => re.test(l)) + 1;

  it('the Problems panel lists the seeded ONEX problems, in files never opened', async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    await wb.openProblems();
    await wb.maximizePanel(true);
    const expected = JSON.parse(fs.readFileSync(path.join(s.root, 'EXPECTED.json'), 'utf8'));
    const missing = (rows) => missingProblems(expected, rows);
    await wb
      .waitForProblems((rs) => missing(rs).length === 0, { timeout: 60_000, message: 'every expected ONEX problem' })
      .catch(async (e) => {
        throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`);
      });
    const extra = (await wb.problems()).filter(
      (r) =>
        (r.severity === 'error' || r.severity === 'warning') &&
        !expected.some((e) => r.path === e.file && r.code === e.code && r.line === e.line + 1),
    );
    assert.deepEqual(
      extra.map((r) => `${r.path}:${r.line} ${r.code} ${r.message}`),
      [],
      'nothing else at error or warning level (entrypoint files are read)',
    );
    await wb.parkMouse();
    await wb.screenshot('onex-01-problems');
    await wb.maximizePanel(false);
  });

  it('hovering an artifact shows its versions, the WIP one and the latest', async () => {
    await wb.quickOpen(REG);
    await wb.focusEditor();
    await wb.gotoLine(lineOf(/- name: "echo_node"/), 14);
    const text = await wb.hover({ match: /versions/ });
    assert.match(text, /echo_node — ONEX node · 3 versions · latest 1\.0\.0 · 1 WIP/);
    await wb.parkMouse();
    await wb.screenshot('onex-02-hover');
    await wb.closeHover();
  });

  it("a version's metadata_file is a document link: Open Link opens that version's metadata file", async () => {
    await wb.quickOpen(REG);
    await wb.focusEditor();
    await wb.gotoLine(lineOf(/metadata_file: "node\.onex\.yaml"/), 27);
    await wb.runCommand('Open Link');
    await waitFor(async () => (await wb.activeTabTitle()) === 'node.onex.yaml', {
      timeout: 20_000,
      message: 'node.onex.yaml opened by the link',
    });
    const crumbs = await wb.breadcrumbs();
    assert.ok(
      crumbs.includes('echo_node') && crumbs.includes('v1_0_0'),
      `the link leads to echo_node/v1_0_0: ${crumbs.join(' › ')}`,
    );
    await wb.parkMouse();
    await wb.screenshot('onex-04-document-link');
  });

  it('a .wip created on disk makes the version work in progress (RL045) live', async () => {
    const line = lineOf(/path: "src\/demo_onex\/nodes\/logger_node\/v1_0_0"/) - 1; // its `version:` line
    fs.writeFileSync(path.join(s.root, LOGGER_WIP), '');
    await waitFor(
      async () => (await wb.problems()).some((r) => r.path === REG && r.code === 'RL045' && r.line === line),
      { timeout: 30_000, message: `RL045 at ${REG}:${line}` },
    );
    await wb.screenshot('onex-03-wip');
  });
});
