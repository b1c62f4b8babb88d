// `npm run test:quickstart`: the README's Quick start, verbatim, as a new user runs it — a fresh clone
// of the committed tree, an empty cache (XDG_CACHE_HOME in a temporary directory, so Node 24 and
// code-server are installed from scratch), a shell without any npm_* variables — then
// `npm ci && npm start` until the printed URL answers 200, then Ctrl+C. It fails on an EBADENGINE
// warning, on a non-200 answer, when stopping leaves code-server running, and when the clone's
// `git status` is not clean afterwards (autosave must edit a throwaway copy, never the checkout).
// Cold, it takes several minutes (code-server compiles native modules). Setup's own lines
// (`[e2e-setup] …`) are echoed as they come. `--hold-apt-lock SECONDS` plays a busy apt: another
// process holds apt's and dpkg's locks from the start until SECONDS after setup's first line (run it
// as root with an apt package of setup missing, e.g. `apt-get remove libkrb5-dev`), and the run fails
// unless setup said it waited for apt.
//
//   node test/quickstart/run.mjs [--keep] [--hold-apt-lock SECONDS]   QUICKSTART_TIMEOUT_S=1200 by default
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = Number(process.env.QUICKSTART_TIMEOUT_S || 1200) * 1000;
const keep = process.argv.includes('--keep');
const holdAt = process.argv.indexOf('--hold-apt-lock');
const holdSeconds = holdAt >= 0 ? Number(process.argv[holdAt + 1]) : 0;
const t0 = Date.now();
const elapsed = () => `${Math.round((Date.now() - t0) / 1000)}s`;
const log = (m) => console.log(`[quickstart ${elapsed()}] ${m}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-lens-quickstart-'));
const clone = path.join(tmp, 'registry-lens');
const cache = path.join(tmp, 'cache');
fs.mkdirSync(cache);
let child = null;

/** The environment of a new terminal: no variables an outer `npm run` exported, an empty cache. */
function freshShellEnv(port) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD' || k === 'E2E_CACHE_DIR') continue;
    env[k] = v;
  }
  return { ...env, XDG_CACHE_HOME: cache, PORT: String(port) };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function status(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** Starts a process holding apt's locks until its stdin ends (scripts/e2e/hold-apt-lock.py). */
function holdAptLocks() {
  const p = spawn('python3', [path.join(REPO, 'scripts', 'e2e', 'hold-apt-lock.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    p.stdout.once('data', () => resolve(p));
    p.once('exit', (code) => reject(new Error(`could not hold apt's locks (exit ${code}; run as root)`)));
  });
}

async function main() {
  log(
    `cloning ${REPO} (HEAD ${execFileSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']).toString().trim()}) into ${clone}`,
  );
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone]);
  const port = await freePort();
  const command = 'npm ci && npm start';
  const holder = holdSeconds > 0 ? await holdAptLocks() : null;
  log(`$ ${command}    (XDG_CACHE_HOME=${cache}, PORT=${port})`);
  child = spawn('bash', ['-c', command], {
    cwd: clone,
    env: freshShellEnv(port),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const outFile = path.join(tmp, 'output.log');
  let setupSeen = false;
  for (const s of [child.stdout, child.stderr])
    s.on('data', (d) => {
      output += d;
      fs.appendFileSync(outFile, d);
      for (const line of String(d).split('\n'))
        if (line.startsWith('[e2e-setup]')) console.log(`[quickstart ${elapsed()}]   ${line}`);
      if (holder && !setupSeen && output.includes('[e2e-setup]')) {
        setupSeen = true;
        log(`apt's locks are held by pid ${holder.pid}: released in ${holdSeconds}s`);
        setTimeout(() => {
          holder.stdin.end();
          log("apt's locks released");
        }, holdSeconds * 1000);
      }
    });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      } else if (exited) {
        clearInterval(timer);
        reject(new Error(`\`${command}\` exited (${JSON.stringify(exited)}) before printing a URL`));
      } else if (Date.now() - t0 > TIMEOUT_MS) {
        clearInterval(timer);
        reject(new Error(`no URL after ${TIMEOUT_MS / 1000}s`));
      }
    }, 500);
  });
  log(`printed ${url}`);
  const opened = decodeURIComponent(new URL(url).searchParams.get('folder') || '');
  if (!opened.endsWith('/demo-workspace') || opened.startsWith(clone))
    throw new Error(`npm start opens ${opened}, not a throwaway copy of the example`);
  let code = 0;
  for (let i = 0; i < 120 && code !== 200; i++) {
    code = await status(url);
    if (code !== 200) await new Promise((r) => setTimeout(r, 1000));
  }
  if (code !== 200) throw new Error(`${url} answered ${code}`);
  log(`${url} answers 200`);

  process.kill(-child.pid, 'SIGINT'); // Ctrl+C in the terminal: the whole foreground group
  for (let i = 0; i < 60 && !exited; i++) await new Promise((r) => setTimeout(r, 500));
  if (!exited) throw new Error('npm start did not stop on Ctrl+C');
  if ((await status(url)) !== 0) throw new Error(`${url} still answers after Ctrl+C`);
  log('stopped; the URL no longer answers');

  const problems = [];
  if (/EBADENGINE/.test(output)) problems.push('npm printed an EBADENGINE warning');
  if (/requires node v24|Starting server failed/.test(output)) problems.push('the output reports a failure');
  if (holder && !/\[e2e-setup\] waiting for apt/.test(output))
    problems.push('setup never waited for apt while its locks were held (is an apt package of setup missing?)');
  const dirty = execFileSync('git', ['-C', clone, 'status', '--porcelain']).toString().trim();
  if (dirty) problems.push(`git status of the clone is not clean:\n${dirty}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  log(`passed in ${elapsed()}`);
}

main().then(
  () => {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  },
  (e) => {
    try {
      if (child) process.kill(-child.pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    console.error(`[quickstart ${elapsed()}] FAILED: ${e.message}\nOutput: ${path.join(tmp, 'output.log')} (kept)`);
    try {
      execFileSync('tail', ['-40', path.join(tmp, 'output.log')], { stdio: 'inherit' });
    } catch {
      /* no output yet */
    }
    process.exitCode = 1;
  },
);
