// npm start: the real VS Code (code-server, VS Code 1.139) on examples/demo-workspace with the
// packaged extension installed, in a throwaway profile. Prints the local URL to open and runs until
// Ctrl+C. `npm start` runs setup.sh and `npm run package` first. The example is opened as a throwaway
// copy (code-server autosaves, and trying the demo must not change tracked files); --folder opens a
// folder of your own in place. --web runs the extension in VS Code's web worker extension host, as
// vscode.dev and github.dev do (`npm run start:web`): its browser build, reading the folder through the editor.
//
//   node scripts/e2e/start.mjs [--web] [--port N] [--folder DIR] [--vsix FILE]     (PORT=N works too)
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  QUICKSTART_SETTINGS,
  REPO_ROOT,
  WEB_WORKER_SETTINGS,
  killStrayCodeServers,
  startCodeServer,
} from './code-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const vsix = path.resolve(arg('vsix') || path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`));
const example = path.join(REPO_ROOT, 'examples', 'demo-workspace');
const folder = arg('folder') ? path.resolve(arg('folder')) : throwawayCopy(example);
const wanted = Number(arg('port') || process.env.PORT || 8080);
const web = process.argv.includes('--web');
const settings = web ? WEB_WORKER_SETTINGS : {};

/** A fresh copy of `dir` under the temp directory, removed when start.mjs stops. */
function throwawayCopy(dir) {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'registry-lens-demo-')), path.basename(dir));
  fs.cpSync(dir, copy, { recursive: true });
  process.on('exit', () => fs.rmSync(path.dirname(copy), { recursive: true, force: true }));
  return copy;
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

if (!fs.existsSync(vsix)) {
  console.error(`${vsix} missing: run \`npm run package\` (npm start does)`);
  process.exit(2);
}
if (!fs.existsSync(folder)) {
  console.error(`${folder} does not exist`);
  process.exit(2);
}
killStrayCodeServers();
const port = (await portFree(wanted)) ? wanted : 0;
if (port !== wanted) console.log(`port ${wanted} is busy; using a free one`);
const server = await startCodeServer({ extensions: [vsix], baseSettings: QUICKSTART_SETTINGS, settings, port });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server…');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const url = `${server.url}/?folder=${encodeURI(folder)}`; // readable; code-server takes it as is
console.log(`
Registry Lens ${pkg.version} is installed in VS Code (code-server) from ${path.relative(process.cwd(), vsix) || vsix}${web ? ', in the web worker extension host (its browser build)' : ''}.

  Open ${url}

Opening ${arg('folder') ? path.relative(process.cwd(), folder) || folder : `a throwaway copy of ${path.relative(process.cwd(), example)}`} activates it and opens the walkthrough
"Get Started with Registry Lens": the Problems panel (Ctrl+Shift+M) lists the example's problems, hover a step name in a workspace_registry.py, F12 on a builder_step_name,
F1 → "Registry Lens: Explain Resolution". Throwaway profile: ${server.profile.root}
On another machine: ssh -L ${server.port}:127.0.0.1:${server.port} <host>, then open the URL there.
Press Ctrl+C to stop.`);
// keep running until a signal; exit if code-server dies
const watch = setInterval(() => {
  if (server.exited && !stopping) {
    console.error(`code-server exited (${JSON.stringify(server.exited)}); log: ${server.logFile}`);
    clearInterval(watch);
    process.exit(1);
  }
}, 1000);
