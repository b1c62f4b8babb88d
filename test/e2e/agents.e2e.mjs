// What a chat agent gets in real VS Code (code-server + Chromium, the packaged .vsix, AI features on):
// the extension offers its MCP server (`registry-lens mcp --root <folder>`) to VS Code's MCP client,
// which lists it under "MCP: List Servers" and starts it with the extension host's Node (with `--cache` when the
// user keeps results between sessions). The language-model tools themselves are invoked in the in-editor suite
// (test/extension/suite).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, waitFor, openWorkbench } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const SERVER_ROW = 'Registry Lens: demo-workspace';
/** Whether this build's CLI has the `mcp` command (the MCP server; docs/mcp.md). */
const HAS_MCP = /^\s+mcp\b/m.test(
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' }),
);

describe('Registry Lens for chat agents in VS Code (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  // The user keeps results between sessions: the server is offered with `--cache` in that folder.
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'registry-lens-e2e-cache-'));
  const s = onExample('demo-workspace', {
    label: 'agents',
    settings: {
      'chat.disableAIFeatures': false,
      'registryLens.cache.enabled': true,
      'registryLens.cache.location': cacheDir,
    },
  });
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  let wb;

  /** Opens "MCP: List Servers" and returns its rows once the extension's server is among them. */
  async function listServers() {
    await wb.runCommand('MCP: List Servers', { waitClosed: false });
    return waitFor(
      async () => {
        const rows = await wb.quickPickRows();
        return rows.some((r) => r.label === SERVER_ROW) && rows;
      },
      { timeout: 15_000, message: `${SERVER_ROW} in MCP: List Servers` },
    );
  }
  /** Clicks the row `label` of the visible quick pick; `closes`: waits for the pick to go (an action, not a submenu). */
  async function pick(label, { closes = false } = {}) {
    const i = await waitFor(async () => (await wb.quickPickRows()).findIndex((r) => r.label === label) + 1, {
      timeout: 10_000,
      message: `the row ${label}`,
    });
    await wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .nth(i - 1)
      .click();
    if (closes) await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  it('"MCP: List Servers" lists the bundled MCP server of the folder, offered by the extension', async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    // the extension is active once the Problems panel has the demo's problems
    await wb.waitForProblems((rows) => rows.some((r) => r.code === 'RL002'), {
      timeout: 60_000,
      message: 'the demo analysed',
    });
    const rows = await listServers();
    const row = rows.find((r) => r.label === SERVER_ROW);
    assert.match(row.aria, /, Stopped, Registry Lens$/);
    await wb.screenshot('agents-01-mcp-list-servers');
    await pick(SERVER_ROW);
    await waitFor(async () => (await wb.quickPickRows()).some((r) => r.label === 'Start Server'), {
      timeout: 10_000,
      message: 'the Start Server action',
    });
    await wb.press('Escape');
    await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it("starting it runs the bundled CLI's `mcp --root <folder>` with the extension host's Node", async () => {
    await listServers();
    await pick(SERVER_ROW);
    await pick('Start Server', { closes: true });
    await listServers();
    await pick(SERVER_ROW);
    await pick('Show Output', { closes: true });
    // Monaco renders spaces as no-break spaces
    const output = async () =>
      (
        await wb.page
          .locator('.part.panel .output-view .view-lines')
          .first()
          .innerText()
          .catch(() => '')
      ).replace(/\u00a0/g, ' ');
    // with the mcp command the server answers the handshake and lists its tools; a CLI without it says so
    const expected = HAS_MCP ? /Discovered (\d+) tools/ : /\[server stderr\] registry-lens: unknown command 'mcp'/;
    const log = await waitFor(
      async () => {
        const t = await output();
        return expected.test(t) && t;
      },
      { timeout: 30_000, message: `${expected} in the server's output` },
    );
    assert.match(log, /Starting server Registry Lens: demo-workspace/);
    // (a wrapped line is one again without the breaks)
    if (HAS_MCP) assert.ok(log.replace(/\n/g, '').includes(`(stdio, read-only, cache in ${cacheDir})`), log);
    if (HAS_MCP) assert.ok(Number(expected.exec(log)?.[1]) >= 3, log);
    await wb.screenshot('agents-02-mcp-server-output');
  });
});
