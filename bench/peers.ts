// `npm run bench:peers`: Registry Lens beside the language servers a user of these files already runs,
// on the same generated org, the same files and the same edits over stdio: yaml-language-server with
// the repository's meta schema on `*_meta.yaml` (meta edits) and pyright on `workspace_registry.py`
// (registry edits). The peers are installed once, at pinned versions, into a cache outside the clone.
//   npm run bench:peers                     small org, 30 edits per kind
//   options: --org small|large  --edits N
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildOrg, ensureGenerated, GENERATED, orgDir, ORGS, type OrgParams } from './generate';
import { LspClient, type LspStart } from './lspClient';
import { SERVER_NODE_ARGS } from '../server/src/lsp/protocol';
import { editScript, openFiles, playEdits, type EditScript, type TargetKind } from './serverScenario';
import { fmtOther, otherWorkSince, wasBusy } from './otherWork';
import { fmtInt, fmtMs, fmtRatio, percentile, table } from './stats';

const REPO = resolve(__dirname, '..');
/** Pinned so that figures compare across runs; bump on purpose (the cache directory follows). */
export const PEERS = { 'yaml-language-server': '1.25.0', pyright: '1.1.414' } as const;
const CACHE = join(
  homedir(),
  '.cache',
  'registry-lens-bench-peers',
  Object.entries(PEERS)
    .map(([n, v]) => `${n}@${v}`)
    .join('+'),
);
/** Registry Lens / peer, edit → diagnostics, the issue's targets. */
const TARGETS = { yaml: 0.25, pyright: 0.2 };

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

/**
 * The environment of a nested npm: without the npm_* variables the outer `npm run` exports (its user
 * agent, prefix, lifecycle and config), which would otherwise make the install act on this repository.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  return env;
}

/** Installs the pinned peers into the cache unless they are there; returns the cache directory. */
function ensurePeers(): string {
  const installed = Object.entries(PEERS).every(([name, version]) => {
    const pkg = join(CACHE, 'node_modules', name, 'package.json');
    return existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version === version;
  });
  if (installed) return CACHE;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    join(CACHE, 'package.json'),
    `${JSON.stringify({ name: 'registry-lens-bench-peers', private: true }, null, 2)}\n`,
  );
  log(
    `installing ${Object.entries(PEERS)
      .map(([n, v]) => `${n}@${v}`)
      .join(', ')} into ${CACHE} ...`,
  );
  const res = spawnSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--save-exact',
      ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`),
    ],
    { cwd: CACHE, env: cleanEnv(), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (res.status !== 0) throw new Error(`npm install of the peers failed (exit ${res.status ?? res.signal})`);
  return CACHE;
}

interface PeerResult {
  name: string;
  /** `initialized` → first diagnostics of the files opened right after it. */
  readyMs: number;
  rssMb: number;
  edits: Record<TargetKind, number[]>;
}

/** Starts a server, opens the script's files of `kinds` right after `initialized`, then plays the edits. */
async function measure(
  name: string,
  start: LspStart,
  root: string,
  script: EditScript,
  kinds: TargetKind[],
  afterInit?: (c: LspClient) => Promise<void>,
): Promise<PeerResult> {
  log(`  ${name} ...`);
  const c = await LspClient.start(start);
  try {
    const t0 = performance.now();
    await c.notify('initialized', {});
    await afterInit?.(c);
    await openFiles(c, root, script, kinds);
    const readyMs = performance.now() - t0;
    const rssMb = c.rssMb();
    const edits = await playEdits(c, root, script, kinds, log);
    return { name, readyMs, rssMb, edits };
  } finally {
    await c.stop();
  }
}

function parseArgs(argv: string[]): { org: OrgParams; edits: number } {
  let org: OrgParams = ORGS.small;
  let edits = 30;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[++i];
    if (a === '--org' && v && v in ORGS) org = ORGS[v as keyof typeof ORGS];
    else if (a === '--edits' && v && Number.isInteger(Number(v)) && Number(v) > 0) edits = Number(v);
    else {
      process.stderr.write('usage: npm run bench:peers -- [--org small|large] [--edits N]\n');
      process.exit(2);
    }
  }
  return { org, edits };
}

async function main(): Promise<void> {
  const { org, edits } = parseArgs(process.argv.slice(2));
  const dir = ensurePeers();
  const root = orgDir(GENERATED, org);
  const g = ensureGenerated(root, buildOrg(org), log);
  log(`${org.name} org: ${g.reused ? 'reusing' : 'generated'} ${root} (${g.files} files)`);
  const script = editScript(buildOrg(org), edits, 5);
  const loadStart = loadavg()[0] ?? 0;
  const otherSince = otherWorkSince();
  const schema = pathToFileURL(join(REPO, 'schemas', 'meta.schema.json')).href;
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [schema]: ['*_meta.yaml'] },
  };
  const node = process.execPath;

  const lens = await measure(
    'Registry Lens',
    { command: node, args: [...SERVER_NODE_ARGS, join(__dirname, 'server.js'), '--stdio'], root },
    root,
    script,
    ['meta', 'registry', 'core'],
  );
  const yaml = await measure(
    'yaml-language-server',
    {
      command: node,
      args: [join(dir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      root,
      configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'editor' ? { tabSize: 2 } : null),
    },
    root,
    script,
    ['meta'],
    (c) => c.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } }),
  );
  const pyright = await measure(
    'pyright',
    {
      command: node,
      args: [join(dir, 'node_modules', 'pyright', 'langserver.index.js'), '--stdio'],
      root,
      configuration: (section) =>
        section === 'python.analysis'
          ? { diagnosticMode: 'openFilesOnly' }
          : section === 'python'
            ? { analysis: { diagnosticMode: 'openFilesOnly' } }
            : null,
    },
    root,
    script,
    ['registry'],
  );
  const loadEnd = loadavg()[0] ?? 0;
  const other = otherSince();

  const p = (xs: number[], q: number): string => (xs.length ? fmtMs(percentile(xs, q)) : '—');
  const rows: string[][] = [
    ['', lens.name, yaml.name, pyright.name],
    [
      'initialized → diagnostics of the opened files (ms)',
      fmtMs(lens.readyMs),
      fmtMs(yaml.readyMs),
      fmtMs(pyright.readyMs),
    ],
    ['RSS after load (MB, with child processes)', fmtInt(lens.rssMb), fmtInt(yaml.rssMb), fmtInt(pyright.rssMb)],
    [
      'meta edit → its diagnostics p50 / p95 (ms)',
      `${p(lens.edits.meta, 0.5)} / ${p(lens.edits.meta, 0.95)}`,
      `${p(yaml.edits.meta, 0.5)} / ${p(yaml.edits.meta, 0.95)}`,
      '—',
    ],
    [
      'registry edit → its diagnostics p50 / p95 (ms)',
      `${p(lens.edits.registry, 0.5)} / ${p(lens.edits.registry, 0.95)}`,
      '—',
      `${p(pyright.edits.registry, 0.5)} / ${p(pyright.edits.registry, 0.95)}`,
    ],
    ['core registry edit → its diagnostics p50 (ms)', p(lens.edits.core, 0.5), '—', '—'],
  ];
  const ratio = (a: number[], b: number[], q: number): number => percentile(a, q) / percentile(b, q);
  const verdict = (r: number, target: number): string =>
    `${fmtRatio(r)} (target ≤ ${target.toFixed(2)}× ${r <= target ? 'ok' : 'MISSED'})`;
  const busy = wasBusy(other, Math.max(loadStart, loadEnd), cpus().length);
  const out = [
    '',
    `Registry Lens beside its peers — ${org.name} org, ${script.edits.filter((e) => e.kind === 'meta').length} meta + ${script.edits.filter((e) => e.kind === 'registry').length} registry edits, pinned ${Object.entries(
      PEERS,
    )
      .map(([n, v]) => `${n}@${v}`)
      .join(
        ', ',
      )}, node ${process.version}, load avg ${loadStart.toFixed(1)} → ${loadEnd.toFixed(1)} on ${cpus().length} CPUs, other work ${other ? fmtOther(other) : 'unknown'}`,
    ...(busy
      ? [
          'WARNING: the machine was busy; wall-clock figures are inflated (ratios between servers measured in the same run are the more robust figure).',
        ]
      : []),
    table(rows),
    `Registry Lens / yaml-language-server, meta edits: p50 ${verdict(ratio(lens.edits.meta, yaml.edits.meta, 0.5), TARGETS.yaml)}, p95 ${verdict(ratio(lens.edits.meta, yaml.edits.meta, 0.95), TARGETS.yaml)}`,
    `Registry Lens / pyright, registry edits:           p50 ${verdict(ratio(lens.edits.registry, pyright.edits.registry, 0.5), TARGETS.pyright)}, p95 ${verdict(ratio(lens.edits.registry, pyright.edits.registry, 0.95), TARGETS.pyright)}`,
    '  (edit → diagnostics: didChange sent (one ranged change, as VS Code sends it) → first publishDiagnostics of that file, edits 250 ms apart; each server with its default debounce)',
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:peers: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
