// Drive a real VS Code (code-server from npm) in headless Debian Chromium with
// playwright-core. No fixed sleeps: everything polls a condition with a timeout.
//
// Prerequisite: `bash scripts/e2e/setup.sh` (installs Node 24 + code-server into
// ~/.cache/registry-lens-e2e, apt chromium). See scripts/e2e/NOTES.md for versions, selectors
// and gotchas.
//
//   import { startCodeServer, launchBrowser, openWorkbench } from './code-server.mjs';
//   const server = await startCodeServer({ extensions: ['/path/x.vsix'] });
//   const browser = await launchBrowser();
//   try {
//     const wb = await openWorkbench(browser, server, { folder: '/abs/ws' });
//     await wb.quickOpen('main.py');
//     const rows = await wb.problems();
//   } finally { await browser.close(); await server.stop(); }

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
// Outside the clone by default, so that repeated CI runs on one machine reuse it (keep in sync with setup.sh).
export const E2E_CACHE =
  process.env.E2E_CACHE_DIR ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'registry-lens-e2e');
export const RESULTS_DIR = process.env.E2E_RESULTS_DIR || path.join(REPO_ROOT, 'test-results', 'e2e');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root
  '--disable-gpu',
  '--disable-background-networking', // closed network: otherwise many refused connections
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings written into <user-data-dir>/User/settings.json before start. */
/** A quiet workbench for a person: no welcome page, tips, telemetry, updates, trust prompt or AI panes. */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * npm start's workbench: the quiet one, with the walkthrough opening on the first start, as it does for
 * someone who installs the extension (the README says it shows the way). test/e2e/newcomer.e2e.mjs opens
 * exactly this.
 */
export const QUICKSTART_SETTINGS = {
  ...WORKBENCH_SETTINGS,
  'workbench.welcomePage.walkthroughs.openOnInstall': true,
};

/**
 * Runs the extension in VS Code's web worker extension host only, as in vscode.dev and github.dev (a browser has
 * no other): its browser build. `npm run start:web` and the browser end-to-end suites use it.
 */
export const WEB_WORKER_SETTINGS = { 'remote.extensionKind': { [extensionId()]: ['web'] } };

/** The extension's id, as package.json makes it. */
function extensionId() {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return `${publisher}.${name}`;
}

/** The tests' workbench: the quiet one, made deterministic. */
export const DEFAULT_SETTINGS = {
  ...WORKBENCH_SETTINGS,
  'workbench.enableExperiments': false,
  'workbench.editor.untitled.hint': 'hidden',
  'git.enabled': false,
  // deterministic typing: no suggest widget / auto-closing getting in the way
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.parameterHints.enabled': false,
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'window.confirmBeforeClose': 'never',
  'problems.autoReveal': true,
};

// --------------------------------------------------------------------------- utils

const PANEL_SEVERITY = { error: 'error', warning: 'warning', information: 'info' };

/** The EXPECTED.json entries (0-based positions) that no row of the Problems panel (1-based) shows. */
export function missingProblems(expected, rows) {
  return expected.filter(
    (e) =>
      !rows.some(
        (r) =>
          r.path === e.file &&
          r.code === e.code &&
          r.line === e.line + 1 &&
          r.column === e.character + 1 &&
          r.severity === PANEL_SEVERITY[e.severity],
      ),
  );
}

/** Poll `fn` until it returns a truthy value (returned). Throws after `timeout` ms. */
export async function waitFor(fn, { timeout = 30_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastErr;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      const detail = lastErr
        ? ` (last error: ${lastErr.message})`
        : last !== undefined
          ? ` (last value: ${JSON.stringify(last)})`
          : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export function codeServerPaths() {
  const node = path.join(E2E_CACHE, 'node24', 'node_modules', 'node', 'bin', 'node');
  const entry = path.join(E2E_CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const p of [node, entry]) {
    if (!fs.existsSync(p)) throw new Error(`${p} missing: run \`bash scripts/e2e/setup.sh\` first`);
  }
  return { node, entry };
}

function tagEnv(tag, extra = {}) {
  const { node } = codeServerPaths();
  return {
    ...process.env,
    PATH: `${path.dirname(node)}:${process.env.PATH}`,
    E2E_CODE_SERVER_TAG: tag, // every descendant inherits it: used to find leftovers
    ...extra,
  };
}

/** PIDs of live processes whose environment carries E2E_CODE_SERVER_TAG=tag. */
export function taggedPids(tag) {
  const needle = Buffer.from(`E2E_CODE_SERVER_TAG=${tag}\0`);
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const env = fs.readFileSync(`/proc/${d}/environ`);
      if (env.includes(needle)) out.push(Number(d));
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}

/**
 * SIGKILL the leftovers of runs that were interrupted: processes with E2E_CODE_SERVER_TAG=rl-e2e-* in
 * their environment whose owner process is gone (servers of other live runs are left alone). Returns the pids.
 */
export function killStrayCodeServers() {
  const tagRe = /(?:^|\0)E2E_CODE_SERVER_TAG=rl-e2e-(?:(\d+)-)?[0-9a-f]+\0/;
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const killed = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      const m = tagRe.exec(fs.readFileSync(`/proc/${d}/environ`, 'latin1'));
      // a leftover: its owner (the process that started it) is gone; others' live servers are kept
      if (m && !(m[1] && alive(Number(m[1])))) {
        process.kill(Number(d), 'SIGKILL');
        killed.push(Number(d));
      }
    } catch {
      /* gone or not ours */
    }
  }
  return killed;
}

/** Resident memory (MiB) of the given pids, summed. */
export function rssMiB(pids) {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

function runCli(args, { env, timeout = 120_000 } = {}) {
  const { node, entry } = codeServerPaths();
  return new Promise((resolve, reject) => {
    const child = spawn(node, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`code-server ${args.join(' ')} timed out:\n${out}`));
    }, timeout);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}

// --------------------------------------------------------------------------- profile

/**
 * A throwaway code-server profile: temp root with user-data-dir, extensions-dir,
 * config.yaml and XDG dirs, and user settings written beforehand.
 */
/**
 * The settings VS Code registers with machine scope: one of the workbench's, and the extension's own
 * (`scope` "machine" or "machine-overridable" in package.json, such as registryLens.cache.enabled).
 */
const MACHINE_SCOPED = [
  'workbench.welcomePage.walkthroughs.openOnInstall',
  ...Object.entries(
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).contributes.configuration.properties,
  )
    .filter(([, p]) => p.scope === 'machine' || p.scope === 'machine-overridable')
    .map(([k]) => k),
];

export async function createProfile({ settings = {}, root, baseSettings = DEFAULT_SETTINGS } = {}) {
  root = root || (await fsp.mkdtemp(path.join(os.tmpdir(), 'rl-e2e-')));
  const profile = {
    root,
    tag: `rl-e2e-${process.pid}-${randomBytes(6).toString('hex')}`, // owner pid: see killStrayCodeServers
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configPath: path.join(root, 'config.yaml'),
    xdg: path.join(root, 'xdg'),
  };
  await fsp.mkdir(path.join(profile.userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(profile.extensionsDir, { recursive: true });
  for (const d of ['config', 'data', 'cache']) await fsp.mkdir(path.join(profile.xdg, d), { recursive: true });
  const all = { ...baseSettings, ...settings };
  await fsp.writeFile(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(all, null, 2));
  // In a remote window (code-server is one) the extension host reads machine-scoped settings, such as
  // workbench.welcomePage.walkthroughs.openOnInstall, from the remote's Machine settings only: the local user
  // settings of a remote window drop machine scope once the setting is registered, so a copy there reached the
  // extension in one run and not in the next.
  const machine = Object.fromEntries(Object.entries(all).filter(([k]) => MACHINE_SCOPED.includes(k)));
  await fsp.mkdir(path.join(profile.userDataDir, 'Machine'), { recursive: true });
  await fsp.writeFile(path.join(profile.userDataDir, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));
  // an explicit config file keeps code-server from writing ~/.config/code-server/config.yaml
  await fsp.writeFile(profile.configPath, 'auth: none\ncert: false\n');
  return profile;
}

function profileEnv(profile, extra) {
  return tagEnv(profile.tag, {
    XDG_CONFIG_HOME: path.join(profile.xdg, 'config'),
    XDG_DATA_HOME: path.join(profile.xdg, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdg, 'cache'),
    ...extra,
  });
}

function profileArgs(profile) {
  return [
    '--config',
    profile.configPath,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

/** `code-server --install-extension <vsix>` into the profile (server need not run). */
export async function installExtension(profile, vsixPath) {
  const t = Date.now();
  const out = await runCli([...profileArgs(profile), '--force', '--install-extension', path.resolve(vsixPath)], {
    env: profileEnv(profile),
  });
  if (!/successfully installed/i.test(out)) throw new Error(`install of ${vsixPath} did not report success:\n${out}`);
  return { ms: Date.now() - t, output: out.trim() };
}

export async function listExtensions(profile) {
  const out = await runCli([...profileArgs(profile), '--list-extensions', '--show-versions'], {
    env: profileEnv(profile),
  });
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => /^[\w.-]+@/.test(s));
}

// --------------------------------------------------------------------------- server

/**
 * Start code-server on 127.0.0.1 (free port chosen by the kernel), auth none.
 * Options: settings (merged over baseSettings, default DEFAULT_SETTINGS), extensions
 * (vsix paths to install first), env (extra env for server + extension host), args
 * (extra code-server flags), port (default 0: any free one), timeout (ms to wait
 * for /healthz), profile (reuse), workspaceTrust (true: VS Code's workspace trust is on, so a
 * folder can open in Restricted Mode; the settings must enable it too).
 */
export async function startCodeServer(opts = {}) {
  const {
    settings,
    baseSettings,
    extensions = [],
    env = {},
    args = [],
    port: wantedPort = 0,
    timeout = 60_000,
    workspaceTrust = false,
  } = opts;
  const { node, entry } = codeServerPaths();
  const profile = opts.profile || (await createProfile({ settings, ...(baseSettings ? { baseSettings } : {}) }));
  const installs = [];
  for (const vsix of extensions) installs.push(await installExtension(profile, vsix));

  const logFile = path.join(profile.root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const t0 = Date.now();
  const child = spawn(
    node,
    [
      entry,
      ...profileArgs(profile),
      '--bind-addr',
      `127.0.0.1:${wantedPort}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...args,
    ],
    { env: profileEnv(profile, env), stdio: ['ignore', logFd, logFd], detached: true /* own process group */ },
  );
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', killGroup);

  const readLog = () => fs.readFileSync(logFile, 'utf8');
  let port;
  try {
    port = await waitFor(
      () => {
        if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${readLog()}`);
        const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(readLog());
        return m && Number(m[1]);
      },
      { timeout, message: 'code-server to listen' },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)})`);
        const r = await fetch(`${url}/healthz`);
        return r.ok;
      },
      { timeout, message: 'code-server /healthz' },
    );
  } catch (e) {
    killGroup();
    throw e;
  }
  const startMs = Date.now() - t0;

  const server = {
    profile,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    logFile,
    startMs,
    installs,
    get exited() {
      return exited;
    },
    readLog,
    /** URL of the workbench opening `folder` (a path, or a URI: `memfs:/x`); `payload` = [[key, value], ...] (see NOTES.md). */
    folderUrl(folder, { payload } = {}) {
      const q = new URLSearchParams();
      if (folder) q.set('folder', /^[a-z][\w+.-]*:\//i.test(folder) ? folder : path.resolve(folder));
      if (payload) q.set('payload', JSON.stringify(payload));
      const s = q.toString();
      return `${server.url}/${s ? `?${s}` : ''}`;
    },
    /** vscode-remote URI for a server-side path, as the web workbench expects in payloads. */
    remoteUri(p) {
      return `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    },
    /** Poll the extension-host log until extension `id` (publisher.name) was activated. */
    async waitForActivation(id, { timeout = 60_000 } = {}) {
      await waitFor(() => server.exthostLog().includes(`_doActivateExtension ${id},`), {
        timeout,
        interval: 200,
        message: `activation of ${id} (exthost log)`,
      });
    },
    pids: () => taggedPids(profile.tag),
    memoryMiB: () => rssMiB(taggedPids(profile.tag)),
    /** Newest extension-host log of this profile ('' if none yet). */
    exthostLog() {
      const logs = path.join(profile.userDataDir, 'logs');
      if (!fs.existsSync(logs)) return '';
      let text = '';
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/exthost\.log$/i.test(e.name)) text += fs.readFileSync(p, 'utf8');
        }
      };
      walk(logs);
      return text;
    },
    /** SIGTERM the process group, SIGKILL whatever is left (incl. tagged strays). */
    async stop({ keepProfile = false } = {}) {
      process.removeListener('exit', killGroup);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      try {
        await waitFor(() => exited && taggedPids(profile.tag).length === 0, {
          timeout: 5_000,
          interval: 100,
          message: 'code-server to exit',
        });
      } catch {
        killGroup();
        for (const pid of taggedPids(profile.tag)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        await waitFor(() => taggedPids(profile.tag).length === 0, {
          timeout: 5_000,
          message: 'tagged processes to die',
        });
      }
      if (!keepProfile && !process.env.E2E_KEEP_PROFILE) await fsp.rm(profile.root, { recursive: true, force: true });
    },
  };
  return server;
}

// --------------------------------------------------------------------------- extension tests

/**
 * The code-server analogue of @vscode/test-electron's runTests(): load the
 * extension at `extensionDevelopmentPath` as a development extension and run
 * the module at `extensionTestsPath` (exports run(): Promise<void>) inside
 * the remote (Node 24) extension host. Resolves { code, ... } where code is 0
 * when run() resolved, 1 when it rejected.
 *
 * How: the web workbench honours the `payload` URL parameter
 * ([["extensionDevelopmentPath", uri], ["extensionTestsPath", uri]]) only when
 * the server runs with VS Code's --enable-smoke-test-driver (built products
 * ignore it otherwise), passed through code-server as
 * `--vscode-option enable-smoke-test-driver`. When run() settles the workbench
 * calls window.codeAutomationExit(code), which we expose via playwright.
 */
export async function runExtensionTests({
  extensionDevelopmentPath,
  extensionTestsPath,
  folder,
  env = {},
  settings,
  extensions = [],
  timeout = 300_000,
  browser,
} = {}) {
  const server = await startCodeServer({
    settings,
    extensions,
    env,
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const ownBrowser = !browser;
  browser = browser || (await launchBrowser());
  let exit = null;
  const t0 = Date.now();
  let wb;
  try {
    wb = await openWorkbench(browser, server, {
      folder,
      payload: [
        ['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)],
        ['extensionTestsPath', server.remoteUri(extensionTestsPath)],
      ],
      onExit: (code) => {
        exit = { code };
      },
      timeout,
      ready: false, // tests may finish (and stop the extension host) before the UI settles
    });
    await waitFor(() => exit, {
      timeout,
      interval: 200,
      message: 'extension tests to finish (window.codeAutomationExit)',
    });
    return { code: exit.code, ms: Date.now() - t0, console: wb.consoleLines, exthostLog: server.exthostLog() };
  } finally {
    if (wb)
      await wb.page
        .context()
        .close()
        .catch(() => {});
    if (ownBrowser) await browser.close();
    await server.stop();
  }
}

// --------------------------------------------------------------------------- browser

export async function launchBrowser({ args = [], headless = true } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core missing: run `npm install` (or bash scripts/e2e/setup.sh)');
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * Open the workbench for `folder` in a fresh browser context and wait until it
 * is usable. Returns a Workbench. `payload`: see server.folderUrl.
 * `onExit(code)` is exposed as window.codeAutomationExit (extension tests).
 */
export async function openWorkbench(
  browser,
  server,
  { folder, payload, viewport = { width: 1400, height: 900 }, timeout = 90_000, onExit, ready = true } = {},
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  if (onExit) await page.exposeFunction('codeAutomationExit', (code, logs) => onExit(code, logs));
  const t0 = Date.now();
  await page.goto(server.folderUrl(folder, { payload }), { timeout });
  const wb = new Workbench(page, { server, consoleLines });
  if (ready) await wb.waitReady({ folder, timeout });
  wb.readyMs = Date.now() - t0;
  return wb;
}

export class Workbench {
  constructor(page, { server, consoleLines = [] } = {}) {
    this.page = page;
    this.server = server;
    this.consoleLines = consoleLines;
  }

  // ---- generic
  async waitReady({ folder, timeout = 90_000 } = {}) {
    const p = this.page;
    await p.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    await p.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
    if (folder) {
      // the explorer tree exists once the remote file system is connected
      // (rows only if the folder has files, so wait for the list itself)
      await p.locator('.explorer-folders-view .monaco-list').first().waitFor({ state: 'attached', timeout });
    }
  }

  async press(...keys) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  async screenshot(name) {
    await fsp.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Click into the active editor's text area so keys go to the editor. */
  async focusEditor() {
    const ed = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await ed.waitFor({ state: 'visible' });
    await this.page
      .locator(
        '.editor-group-container.active .monaco-editor textarea, .editor-group-container.active .monaco-editor .native-edit-context',
      )
      .first()
      .focus();
  }

  // ---- quick input (command palette, quick open)
  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  async _quickInputOpen(keys) {
    const qi = this.quickInput();
    await this.press(...keys);
    await qi.waitFor({ state: 'visible', timeout: 10_000 });
    const input = qi.locator('input.input, .quick-input-box input').first();
    await input.waitFor({ state: 'visible' });
    return input;
  }

  async _quickInputRows() {
    return this.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) =>
      rows.map((r) => ({
        label: (r.querySelector('.label-name, .monaco-icon-label .label-name')?.textContent || '').trim(),
        aria: r.getAttribute('aria-label') || '',
        id: r.querySelector('[data-quick-input-id]')?.getAttribute('data-quick-input-id') || null, // command id in the palette
        focused: r.classList.contains('focused'),
      })),
    );
  }

  /**
   * Run a command from the palette (F1) as a person would: by its title as
   * shown there ("Demo: Hello"), or with { id } by command id (rows carry
   * data-quick-input-id). Waits for the row, clicks it, waits for the palette to close.
   */
  async runCommand(title, { id, timeout = 15_000, waitClosed = true } = {}) {
    const input = await this._quickInputOpen(['F1']);
    await input.fill(`>${title}`);
    const idx = await waitFor(
      async () => {
        const rows = await this._quickInputRows();
        const i = rows.findIndex((r) =>
          id ? r.id === id : r.label === title || r.aria === title || r.aria.startsWith(`${title},`),
        );
        return i >= 0 ? i + 1 : 0;
      },
      { timeout, message: `command "${title}"${id ? ` (${id})` : ''} in the palette` },
    );
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').nth(idx - 1);
    await row.click();
    // a command that opens its own quick pick (waitClosed: false) keeps the widget visible
    if (waitClosed) await this.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Rows of the visible quick input (palette, quick pick): { label, aria, id, focused }. */
  async quickPickRows() {
    if (
      !(await this.quickInput()
        .isVisible()
        .catch(() => false))
    )
      return [];
    return this._quickInputRows();
  }

  /** Title of the visible quick input ('' when none or untitled). */
  async quickPickTitle() {
    return (
      (await this.page
        .locator('.quick-input-widget .quick-input-title')
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => '')) || ''
    );
  }

  /**
   * Open a workspace file by Quick Open (Ctrl+P) and wait for its tab to be active. Quick Open closes when something
   * takes the focus as it opens or while its results come (the Welcome page selecting a walkthrough's next step): then
   * it is opened again, as a person would.
   */
  async quickOpen(relPath, { timeout = 20_000 } = {}) {
    const open = async () => {
      for (let attempt = 1; ; attempt++) {
        const input = await this._quickInputOpen(['Control+P']);
        const filled = await input.fill(relPath, { timeout: 5_000 }).then(
          () => true,
          (e) => {
            if (attempt === 3) throw e;
            return false;
          },
        );
        if (filled) return;
      }
    };
    await open();
    const base = path.basename(relPath);
    const dir = path.dirname(relPath);
    await waitFor(
      async () => {
        // Closed while its results came (the focus taken): its rows stay in the page, unfocused; open it again.
        if (!(await this.quickInput().isVisible())) {
          await open();
          return false;
        }
        const rows = await this._quickInputRows();
        const f = rows[0];
        return f && f.focused && f.label === base && (dir === '.' || f.aria.includes(dir));
      },
      { timeout, message: `quick open result for ${relPath}` },
    );
    await this.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    await waitFor(async () => (await this.activeTabTitle()) === base, { timeout, message: `tab ${base} active` });
    await this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines')
      .first()
      .waitFor({ state: 'visible' });
  }

  // ---- editor
  /** Name of the active editor tab (its `data-resource-name`, else aria-label), or null. */
  async activeTabTitle() {
    return this.page.evaluate(() => {
      const t = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
      return t ? t.getAttribute('data-resource-name') || t.getAttribute('aria-label') : null;
    });
  }

  async tabTitles() {
    return this.page.$$eval('.tabs-container .tab', (els) =>
      els.map((t) => t.getAttribute('data-resource-name') || t.getAttribute('aria-label')),
    );
  }

  async breadcrumbs() {
    return this.page.$$eval('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item', (els) =>
      els.map((e) => e.textContent.trim()).filter(Boolean),
    );
  }

  /** Cursor position from the status bar ("Ln 3, Col 5"), or null. */
  async cursorPosition() {
    const t = await this.page
      .locator('[id="status.editor.selection"]')
      .first()
      .textContent({ timeout: 2_000 })
      .catch(() => null);
    const m = t && /Ln (\d+), Col (\d+)/.exec(t);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
  }

  /**
   * Open the quick fix menu at the cursor (Ctrl+.) and return its row titled `title`. A menu opened
   * while the editor is still taking in an edit can list nothing or the previous fixes; a person
   * closes it and asks again, and so does this (3 tries), failing with the rows it saw.
   */
  async quickFixRow(title, { tries = 3, timeout = 6_000 } = {}) {
    const rows = this.page.locator('.action-widget .monaco-list-row');
    let seen = [];
    for (let i = 0; i < tries; i++) {
      await this.press('Control+.');
      const row = rows.filter({ hasText: title }).first();
      if (
        await row.waitFor({ state: 'visible', timeout }).then(
          () => true,
          () => false,
        )
      )
        return row;
      seen = await rows.allInnerTexts().catch(() => []);
      console.warn(
        `      quick fix menu without "${title}" (try ${i + 1}/${tries}); it listed ${JSON.stringify(seen)}`,
      );
      await this.press('Escape');
    }
    throw new Error(`quick fix "${title}" not offered after ${tries} tries; the menu listed ${JSON.stringify(seen)}`);
  }

  /** Ctrl+G "line:col" and wait until the status bar shows it. */
  async gotoLine(line, column = 1) {
    const input = await this._quickInputOpen(['Control+G']);
    await input.fill(`:${line}:${column}`);
    // the palette previews the position; Enter commits it
    await this.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    await waitFor(
      async () => {
        const p = await this.cursorPosition();
        return p && p.line === line && p.column === column;
      },
      { timeout: 10_000, message: `cursor at ${line}:${column}` },
    );
  }

  hoverWidget() {
    return this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
  }

  /**
   * Show hover at the cursor (Ctrl+K Ctrl+I) and return its text (waits for `match` if given). As a
   * person would, asks again when nothing shows within a few seconds (a chord lost on a busy machine).
   */
  async hover({ match, timeout = 15_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.press('Control+K', 'Control+I');
      const left = deadline - Date.now();
      try {
        return await this._readHover({ match, timeout: Math.min(5_000, left) });
      } catch (e) {
        if (left <= 5_000) throw e;
        await this.press('Escape');
      }
    }
  }

  /** Hover the mouse over the first visible token equal to `text` in the active editor. */
  async hoverMouse(text, { match, timeout = 30_000 } = {}) {
    const tok = this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines span span', { hasText: text })
      .first();
    const deadline = Date.now() + timeout;
    // A hover that never shows (the mouse arrived while the editor was still laid out, or a toast took
    // the focus on a busy machine) is asked for again, as a person moves the mouse away and back.
    for (;;) {
      await tok.hover();
      try {
        return await this._readHover({ match, timeout: Math.max(1, Math.min(8_000, deadline - Date.now())) });
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await this.page.mouse.move(1, 1);
      }
    }
  }

  async _readHover({ match, timeout }) {
    return waitFor(
      async () => {
        // .monaco-hover-content holds one .hover-row per provider/marker; read the outer one only
        const t =
          (await this.page.$$eval('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', (els) =>
            els
              .filter((e) => e.offsetParent !== null)
              .map((e) => e.innerText.trim())
              .filter(Boolean)
              .join('\n'),
          )) || '';
        if (!t || /^Loading\.\.\.$/.test(t)) return null;
        if (match && !(match instanceof RegExp ? match.test(t) : t.includes(match))) return null;
        return t;
      },
      { timeout, message: `hover${match ? ` matching ${match}` : ''}` },
    );
  }

  async closeHover() {
    await this.press('Escape');
  }

  /**
   * F2 at the cursor, `newName` typed over the name the rename box shows (it takes the focus once the server said what
   * is renamed, the name selected) and Enter; resolves with the name it showed, once it closed.
   */
  async rename(newName) {
    await this.press('F2');
    const box = this.page.locator('.monaco-editor .rename-box').first();
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    const shown = await waitFor(
      () =>
        this.page.evaluate(() => {
          const input = document.activeElement;
          return input?.closest('.rename-box') ? (input.value ?? input.textContent) : false;
        }),
      { timeout: 15_000, message: 'the rename box focused' },
    );
    await this.page.keyboard.press('Control+A');
    await this.type(newName);
    await this.press('Enter');
    await box.waitFor({ state: 'hidden', timeout: 15_000 });
    return shown;
  }

  /** Ctrl+Space at the cursor, asked again when nothing shows within a few seconds (a key lost on a busy machine). */
  async suggestions({ timeout = 30_000 } = {}) {
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    return waitFor(
      async () => {
        await this.press('Control+Space');
        return waitFor(
          async () => {
            const ls = await rows.locator('.label-name').allTextContents();
            return ls.length > 0 && ls.map((l) => l.trim());
          },
          { timeout: 5_000, message: 'suggestions' },
        ).catch(() => null);
      },
      { timeout, message: 'the suggest widget' },
    );
  }

  /** F12 at the cursor; waits until tab/cursor changed; returns where we landed. */
  async goToDefinition({ timeout = 15_000 } = {}) {
    const before = { tab: await this.activeTabTitle(), pos: await this.cursorPosition() };
    await this.press('F12');
    await waitFor(
      async () => {
        const tab = await this.activeTabTitle();
        const pos = await this.cursorPosition();
        return tab !== before.tab || JSON.stringify(pos) !== JSON.stringify(before.pos);
      },
      { timeout, message: 'F12 to navigate' },
    );
    return {
      tab: await this.activeTabTitle(),
      position: await this.cursorPosition(),
      breadcrumbs: await this.breadcrumbs(),
    };
  }

  /** Type into the focused element (editor). "\n" presses Enter. */
  async type(text) {
    await this.page.keyboard.type(text);
  }

  /**
   * Ctrl+Z `times` times. Typing is grouped into several undo stops (VS Code
   * breaks at word/whitespace boundaries and Enter: "x = 1\n" took 4), so
   * prefer undoUntil().
   */
  async undo(times = 1) {
    for (let i = 0; i < times; i++) await this.press('Control+Z');
  }

  /** Press Ctrl+Z until `check(editorText)` holds (each press waits for the text to change). */
  async undoUntil(check, { max = 30 } = {}) {
    let text = await this.editorText();
    for (let i = 0; i < max; i++) {
      if (check(text)) return i;
      const before = text;
      await this.press('Control+Z');
      text = await waitFor(
        async () => {
          const t = await this.editorText();
          return t !== before && t;
        },
        { timeout: 5_000, message: 'undo to change the text' },
      ).catch(() => before);
      if (text === before) break; // nothing left to undo
    }
    if (check(text)) return max;
    throw new Error(`undoUntil: condition not reached; text now:\n${text}`);
  }

  async save() {
    await this.press('Control+S');
    await waitFor(async () => !(await this.page.locator('.editor-group-container.active .tab.active.dirty').count()), {
      timeout: 10_000,
      message: 'save',
    });
  }

  /** Text of the visible lines of the active editor (virtualised: only what is on screen). */
  async editorText() {
    return this.page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line', (lines) =>
      lines
        .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.innerText.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text)
        .join('\n'),
    );
  }

  // ---- problems panel
  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }

  /**
   * Rows of the Problems panel (tree mode). Resource rows give `file`; marker
   * rows give { file, message, source, code, line, column, severity }.
   * The list is virtualised: only rows in view are in the DOM.
   */
  async problems() {
    await this.openProblems();
    return this.page.$$eval('.markers-panel .monaco-list-row', (rows) => {
      const out = [];
      let file = null;
      let dir = null;
      for (const r of rows) {
        const res = r.querySelector(
          '.resource-label .label-name, .file-icon .label-name, .monaco-icon-label .label-name',
        );
        const msg = r.querySelector('.marker-message');
        if (!msg && res && r.getAttribute('aria-level') === '1') {
          file = res.textContent.trim();
          // folder-relative directory of the file ("" for files at the root)
          dir = (r.querySelector('.label-description')?.textContent || '').trim();
          continue;
        }
        if (!msg) continue; // related-information rows (aria-level 3)
        const sev = r.querySelector('.marker-icon');
        const cls = sev ? sev.className : '';
        const lineCol = (r.querySelector('.marker-line')?.textContent || '').trim();
        const m = /\[Ln (\d+), Col (\d+)\]/.exec(lineCol);
        out.push({
          file,
          dir,
          path: dir ? `${dir}/${file}` : file,
          message: msg.textContent.trim(),
          source: (r.querySelector('.marker-source')?.textContent || '').trim(),
          code: (r.querySelector('.marker-code')?.textContent || '').trim().replace(/^\(|\)$/g, ''),
          line: m ? Number(m[1]) : null,
          column: m ? Number(m[2]) : null,
          severity: /error/.test(cls)
            ? 'error'
            : /warning/.test(cls)
              ? 'warning'
              : /info/.test(cls)
                ? 'info'
                : 'unknown',
          aria: r.getAttribute('aria-label') || '',
        });
      }
      return out;
    });
  }

  /** Type `text` into the Problems panel's filter box ('' clears it), as a person would. */
  async filterProblems(text) {
    await this.openProblems();
    const input = this.page.locator('.panel input[aria-label="Filter Problems"]').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    // A panel still restoring its state can drop the text (CI once timed out on an unfiltered list): fill until it holds.
    await waitFor(
      async () => {
        if ((await input.inputValue()) !== text) await input.fill(text);
        await this.page.waitForTimeout(300);
        return (await input.inputValue()) === text;
      },
      { timeout: 15_000, message: `the Problems filter '${text}'` },
    );
  }

  /** Maximise (or restore) the panel with "View: Toggle Maximized Panel" when it is not already so. */
  async maximizePanel(maximized = true) {
    // a maximised panel hides the editor area: the workbench gets the class `nomaineditorarea`
    const isMax = async () => (await this.page.locator('.monaco-workbench.nomaineditorarea').count()) > 0;
    if ((await isMax()) === maximized) return;
    await this.runCommand('View: Toggle Maximized Panel', { id: 'workbench.action.toggleMaximizedPanel' });
    await waitFor(async () => (await isMax()) === maximized, {
      timeout: 10_000,
      message: `panel ${maximized ? 'maximised' : 'restored'}`,
    });
  }

  /** Move the mouse to a neutral place (the status bar's empty middle) so no tooltip covers a screenshot. */
  async parkMouse() {
    const vp = this.page.viewportSize() || { width: 1400, height: 900 };
    await this.page.mouse.move(Math.round(vp.width / 2), vp.height - 4);
    // a tooltip of what was under the mouse (e.g. a panel tab after a palette click) fades out
    await waitFor(
      async () =>
        (await this.page
          .locator('.workbench-hover-container .workbench-hover:visible, .monaco-hover.workbench-hover:visible')
          .count()) === 0,
      { timeout: 3_000, message: 'tooltips to close' },
    ).catch(() => {});
  }

  /** Poll the Problems panel until `pred(rows)` holds; returns the rows. */
  async waitForProblems(pred, { timeout = 30_000, message = 'problems' } = {}) {
    return waitFor(
      async () => {
        const rows = await this.problems();
        return pred(rows) ? rows : null;
      },
      { timeout, message },
    );
  }

  /** Texts of visible notification toasts. */
  async notifications() {
    return this.page.$$eval('.notifications-toasts .notification-toast .notification-list-item-message', (els) =>
      els.map((e) => e.innerText.trim()),
    );
  }
}
