// `npm run soak:memory -- --edits 20000`: whether the language server's memory stays bounded over a long
// editing session. The bundled server runs with its production flags (SERVER_NODE_ARGS) on a generated
// cursus org (bench/generate.ts, reused from the bench's cache), plus --expose-gc and a preloaded probe
// (memoryProbe.cjs) that forces full collections and reports on a channel of its own. The soak types
// into a workspace registry, a companion meta file and the core registry as a user does: each seeded
// change of the bench's edit model (bench/edits.ts) becomes keystrokes (a selection deleted, then the
// new text a character at a time, at most MAX_KEYS keystrokes per change), a word of WORD keystrokes
// sent at once, then the wait for the file's diagnostics and its outline, as an editor asks. Every
// `--every` edits it records the RSS the server had, and its RSS and live heap after forced full
// collections; `--snapshots 2000,12000` also writes heap snapshots there (compare them with
// heapDiff.ts). Ends with the table and the growth over the last half.
//   options: --edits N (20000)  --every N (1000)  --org small|large (small)  --snapshots N,...  --out DIR (snapshots and samples.json; the system's temp dir)
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  buildOrg,
  ensureGenerated,
  GENERATED,
  ORGS,
  renderCoreRegistry,
  renderWorkspaceRegistry,
  setField,
} from '../../bench/generate';
import { EditSession } from '../../bench/edits';
import { LspClient } from '../../bench/lspClient';
import { renderMeta } from '../../bench/metaFiles';
import { Rng } from '../../bench/rng';
import { commonEnds } from '../../server/src/engine/text/commonEnds';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/protocol';

const REPO = resolve(__dirname, '../..');
/** Keystrokes sent together before waiting for the diagnostics (a word typed). */
const WORD = 5;
/** A change's new text is typed in at most this many keystrokes (longer ones in pieces, as pasted). */
const MAX_KEYS = 40;

interface Args {
  edits: number;
  every: number;
  org: keyof typeof ORGS;
  snapshots: number[];
  out: string;
}

interface Sample {
  edits: number;
  rssBefore: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  malloced: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    edits: 20_000,
    every: 1_000,
    org: 'small',
    snapshots: [],
    out: join(tmpdir(), 'registry-lens-soak'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag ?? ''} needs a value`);
    if (flag === '--edits') a.edits = Number(value);
    else if (flag === '--every') a.every = Number(value);
    else if (flag === '--org' && value in ORGS) a.org = value as keyof typeof ORGS;
    else if (flag === '--snapshots') a.snapshots = value.split(',').map(Number);
    else if (flag === '--out') a.out = resolve(value);
    else throw new Error(`unknown argument ${flag ?? ''} ${value}`);
  }
  if (!(a.edits > 0 && a.every > 0)) throw new Error('--edits and --every need positive numbers');
  return a;
}

/** The probe's channel: one line asked, one JSON line answered. */
class Probe {
  private readonly lines: AsyncIterator<string>;
  constructor(
    private readonly out: Writable,
    input: Readable,
  ) {
    this.lines = createInterface({ input })[Symbol.asyncIterator]();
  }
  async ask(line: string): Promise<unknown> {
    this.out.write(`${line}\n`);
    const next = await this.lines.next();
    if (next.done === true) throw new Error('the server closed the probe channel');
    return JSON.parse(next.value as string) as unknown;
  }
}

/** One open document the soak types into. */
interface Target {
  uri: string;
  text: string;
}

/** The texts between `before` and `after` as typed: the changed span deleted, then the new text in keystrokes. */
function keystrokes(before: string, after: string): string[] {
  const [start, tail] = commonEnds(before, after);
  const head = before.slice(0, start);
  const rest = before.slice(before.length - tail);
  const typed = after.slice(start, after.length - tail);
  const out = start + tail < before.length ? [head + rest] : [];
  const step = Math.max(1, Math.ceil(typed.length / MAX_KEYS));
  for (let k = step; k < typed.length; k += step) out.push(head + typed.slice(0, k) + rest);
  if (typed.length > 0) out.push(after);
  return out;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const log = (s: string): void => {
    process.stderr.write(`${s}\n`);
  };
  const org = buildOrg(ORGS[a.org]);
  const root = ensureGenerated(join(GENERATED, a.org), org, log).root;
  mkdirSync(a.out, { recursive: true });
  const serverJs = join(REPO, 'dist', 'server.js');
  const probeJs = join(__dirname, 'memoryProbe.cjs');
  log(
    `memory soak: ${a.edits} edits on the ${a.org} org (${root}); node ${[...SERVER_NODE_ARGS, '--expose-gc', '--require', probeJs].join(' ')} ${serverJs} --stdio`,
  );
  const c = await LspClient.start({
    command: process.execPath,
    args: [...SERVER_NODE_ARGS, '--expose-gc', '--require', probeJs, serverJs, '--stdio'],
    root,
    stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
  });
  const channel = c.proc.stdio[3] as (Readable & Writable) | null | undefined;
  if (!channel) throw new Error('no probe channel');
  const probe = new Probe(channel, channel);
  const samples: Sample[] = [];
  try {
    await c.notify('initialized', {});
    await c.waitFor('the initial analysis', () => (c.counts.get('registryLens/status') ?? 0) > 0);
    const ws = org.workspaces[Math.floor(org.workspaces.length / 2)] ?? org.workspaces[0];
    const meta = org.metas.filter((m) => m.ws !== null)[0] ?? org.metas[0];
    if (!ws || !meta) throw new Error('the org has no workspace or meta file');
    const targets = {
      registry: { uri: pathToFileURL(join(root, ws.registryPath)).href, text: renderWorkspaceRegistry(ws) },
      meta: { uri: pathToFileURL(join(root, meta.path)).href, text: renderMeta(meta) },
      core: { uri: pathToFileURL(join(root, org.corePath)).href, text: renderCoreRegistry(org) },
    };
    for (const t of Object.values(targets)) await c.open(t.uri, t.uri.endsWith('.py') ? 'python' : 'yaml', t.text);
    const session = new EditSession(org);
    const rng = new Rng(ORGS[a.org].seed ^ 0x50a4);
    let sent = 0;
    let waits = 0;

    /** Waits until the server analysed `t`'s last text and answers its outline (and, now and then, a hover and completion where the typing is). */
    const settle = async (t: Target, at: number, sentAt: number): Promise<void> => {
      await c.publishedAfter(t.uri, sentAt, 120_000);
      const textDocument = { uri: t.uri };
      await c.connection.sendRequest('textDocument/documentSymbol', { textDocument });
      if (++waits % 10 === 0) {
        const position = TextDocument.create(t.uri, '', 0, t.text).positionAt(at);
        await c.connection.sendRequest('textDocument/hover', { textDocument, position });
        await c.connection.sendRequest('textDocument/completion', { textDocument, position });
      }
      c.forgetPublications();
    };
    const measure = async (): Promise<void> => {
      const m = (await probe.ask('measure')) as Omit<Sample, 'edits'>;
      const s = { edits: sent, ...m };
      samples.push(s);
      log(
        `  ${String(sent).padStart(6)} edits: RSS ${s.rssBefore.toFixed(1)} MB, after full GC ${s.rss.toFixed(1)} MB, live heap ${s.heapUsed.toFixed(1)} MB of ${s.heapTotal.toFixed(1)} MB committed (external ${s.external.toFixed(1)}, array buffers ${s.arrayBuffers.toFixed(1)}, malloced ${s.malloced.toFixed(1)})`,
      );
      if (a.snapshots.includes(sent))
        log(
          `    heap snapshot ${String(((await probe.ask(`snapshot ${join(a.out, `heap-${sent}.heapsnapshot`)}`)) as { file: string }).file)}`,
        );
    };
    await settle(targets.registry, 0, 0);
    await measure();
    while (sent < a.edits) {
      // The bench's mix of kinds: a workspace registry most often, its companion, now and then the core.
      const kind = rng.weighted(
        [
          ['registry', 50],
          ['meta', 35],
          ['core', 15],
        ] as const,
        'registry',
      );
      const t: Target = targets[kind];
      let after: string;
      if (kind === 'registry') after = session.editRegistry(rng, ws).text;
      else if (kind === 'meta') after = session.editMeta(rng, meta).text;
      else {
        setField(rng.pick(org.core), 'description', `Revised core step ${sent} (${rng.int(1, 1e6)})`);
        after = renderCoreRegistry(org);
      }
      const keys = keystrokes(t.text, after);
      for (let i = 0; i < keys.length;) {
        let sentAt = 0;
        let settled = false;
        for (const text of keys.slice(i, i + WORD)) {
          const [start] = commonEnds(t.text, text);
          sentAt = await c.change(t.uri, text);
          t.text = text;
          i++;
          settled = false;
          if (++sent % a.every === 0 || sent === a.edits) {
            await settle(t, start, sentAt);
            await measure();
            settled = true;
          }
          if (sent === a.edits) break;
        }
        if (sent === a.edits) break;
        if (!settled) await settle(t, commonEnds(t.text, after)[0], sentAt);
      }
    }
  } finally {
    await c.stop();
  }
  const table = [
    '| edits | RSS (MB) | RSS after full GC (MB) | live heap after full GC (MB) | V8 heap committed (MB) | external (MB) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...samples.map(
      (s) =>
        `| ${s.edits.toLocaleString('en-US')} | ${s.rssBefore.toFixed(1)} | ${s.rss.toFixed(1)} | ${s.heapUsed.toFixed(1)} | ${s.heapTotal.toFixed(1)} | ${s.external.toFixed(1)} |`,
    ),
  ];
  process.stdout.write(`${table.join('\n')}\n`);
  const half = samples.filter((s) => s.edits >= a.edits / 2);
  const first = half[0];
  const last = half[half.length - 1];
  if (first && last && half.length > 1) {
    const range = (k: 'rss' | 'heapUsed'): string =>
      `${Math.min(...half.map((s) => s[k])).toFixed(1)}–${Math.max(...half.map((s) => s[k])).toFixed(1)}`;
    process.stdout.write(
      `last half (${first.edits}→${last.edits} edits): RSS after full GC ${(last.rss - first.rss).toFixed(1)} MB (range ${range('rss')}), live heap ${(last.heapUsed - first.heapUsed).toFixed(1)} MB (range ${range('heapUsed')})\n`,
    );
  }
  writeFileSync(join(a.out, 'samples.json'), `${JSON.stringify(samples, null, 1)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
