// Registry Lens as a client sees it: the bundled server spawned over stdio on the generated org with
// its real (default) debounce; `initialized` → every diagnostic published (the status notification
// follows the last publication), the server's RSS after the load, edit → diagnostics of the edited
// file, edits spaced like a user's, and the RSS the idle server settles at. A cursus 1.x org edits a meta file, a workspace_registry.py and the
// core registry (the same script drives the peers, bench/peers.ts, so the files and texts are the
// same); another family's org plays its workload's pooled edits and edits of its central file.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { renderCoreRegistry, renderWorkspaceRegistry, setField, type OrgModel } from './generate';
import { EditSession } from './edits';
import { LspClient } from './lspClient';
import { SERVER_NODE_ARGS } from '../server/src/lsp/protocol';
import { renderMeta, type MetaModel } from './metaFiles';
import { Rng } from './rng';
import { otherWorkSince, type OtherWork } from './otherWork';
import { median } from './stats';
import type { Workload } from './workload';

export type TargetKind = 'meta' | 'registry' | 'core';
export interface ScriptedEdit {
  kind: TargetKind;
  file: string;
  text: string;
}

export interface EditScript {
  /** The files edited, with their text on disk (what is opened before the first edit). */
  opened: { kind: TargetKind; file: string; text: string }[];
  edits: ScriptedEdit[];
}

export interface ServerResult {
  org: string;
  /** `initialized` → the status that follows the last publication of the initial scan: the median of the starts. */
  coldMs: number;
  /** `initialized` → the final diagnostics of the registry file opened right after it (its units start first), median. */
  openFileMs: number;
  /** RSS right after the load, median of the starts. */
  rssAfterLoadMb: number;
  /** Each start's cold time and RSS after the load, in order (the last start also plays the edits). */
  starts: { coldMs: number; openFileMs: number; rssAfterLoadMb: number }[];
  rssAfterEditsMb: number;
  /**
   * RSS once the server sat idle after the edits until it stopped shrinking: V8's memory reducer
   * compacts the heap and returns its pages some 10–30 s after a load (what the user's machine keeps).
   */
  rssIdleMb: number;
  filesWithDiagnostics: number;
  /** edit → diagnostics of the edited file (ms), per kind, in order. */
  edits: Record<TargetKind, number[]>;
  gapMs: number;
  /** 1-minute load average at the start and end, and the other work meanwhile (null where /proc cannot tell). */
  load: { start: number; end: number; other?: OtherWork | null };
}

/** Pause between edits: a user who stops typing for a moment, so each edit is a lone one. */
export const EDIT_GAP_MS = 250;

/**
 * A deterministic script over one meta file, one workspace registry and the core registry: `n` edits
 * of each of the first two kinds (alternating) and `core` edits of the core registry (a description).
 */
export function editScript(org: OrgModel, n: number, core: number): EditScript {
  const ws = org.workspaces[Math.floor(org.workspaces.length / 2)] ?? org.workspaces[0];
  const metas = org.metas.filter((m) => m.ws !== null);
  const meta: MetaModel | undefined = metas[Math.floor(metas.length / 2)] ?? org.metas[0];
  if (!ws || !meta) throw new Error(`${org.params.name}: no workspace or meta file to edit`);
  const opened: EditScript['opened'] = [
    { kind: 'meta', file: meta.path, text: renderMeta(meta) },
    { kind: 'registry', file: ws.registryPath, text: renderWorkspaceRegistry(ws) },
    { kind: 'core', file: org.corePath, text: renderCoreRegistry(org) },
  ];
  const session = new EditSession(org);
  const rng = new Rng(org.params.seed ^ 0x5e4e);
  const edits: ScriptedEdit[] = [];
  for (let i = 0; i < n; i++) {
    edits.push({ kind: 'registry', ...pick(session.editRegistry(rng, ws)) });
    edits.push({ kind: 'meta', ...pick(session.editMeta(rng, meta)) });
  }
  for (let i = 0; i < core; i++) {
    setField(rng.pick(org.core), 'description', `Revised core step ${i} (${rng.int(1, 1e6)})`);
    edits.push({ kind: 'core', file: org.corePath, text: renderCoreRegistry(org) });
  }
  return { opened, edits };
}

/**
 * A workload's script: its first `n` pooled edits that change the text of a file already on disk
 * (kind `registry`: the family's own files; `.wip` markers created or deleted are no documents) and
 * `core` edits of its central file, each file opened with its text on disk first.
 */
export function workloadScript(w: Workload, root: string, n: number, core: number): EditScript {
  const rng = new Rng(w.seed ^ 0x5e4e);
  const stream = w.edits();
  const edits: ScriptedEdit[] = [];
  for (let tries = 0; edits.length < n && tries < n * 20; tries++) {
    const e = stream.next(rng);
    if (e.text !== null && existsSync(join(root, e.file))) edits.push({ kind: 'registry', file: e.file, text: e.text });
  }
  for (const e of w.centralEdits(rng, core))
    if (e.text !== null) edits.push({ kind: 'core', file: e.file, text: e.text });
  const opened = [...new Map(edits.map((e) => [e.file, e.kind])).entries()].map(([file, kind]) => ({
    kind,
    file,
    text: readFileSync(join(root, file), 'utf8'),
  }));
  return { opened, edits };
}

function pick(e: { file: string; text: string }): { file: string; text: string } {
  return { file: e.file, text: e.text };
}

export function languageOf(file: string): string {
  return file.endsWith('.py') ? 'python' : 'yaml';
}

/** Plays the edits of `kinds` on an initialized client: each change, then the wait for its file's diagnostics, then a pause. */
export async function playEdits(
  c: LspClient,
  root: string,
  script: EditScript,
  kinds: TargetKind[],
  log: (s: string) => void,
): Promise<Record<TargetKind, number[]>> {
  const out: Record<TargetKind, number[]> = { meta: [], registry: [], core: [] };
  const uri = (rel: string): string => pathToFileURL(join(root, rel)).href;
  for (const e of script.edits.filter((x) => kinds.includes(x.kind))) {
    const sent = await c.change(uri(e.file), e.text);
    const got = await c.publishedAfter(uri(e.file), sent, 120_000);
    out[e.kind].push(got - sent);
    await pause(EDIT_GAP_MS);
  }
  log(`    ${kinds.map((k) => `${k} ${out[k].length}`).join(', ')} edits played`);
  return out;
}

/** Opens the script's files of `kinds` (their disk text); resolves when each has its first diagnostics. */
export async function openFiles(c: LspClient, root: string, script: EditScript, kinds: TargetKind[]): Promise<void> {
  const uri = (rel: string): string => pathToFileURL(join(root, rel)).href;
  const opened = script.opened.filter((x) => kinds.includes(x.kind));
  const t = performance.now();
  for (const o of opened) await c.open(uri(o.file), languageOf(o.file), o.text);
  for (const o of opened) await c.publishedAfter(uri(o.file), t);
  await pause(EDIT_GAP_MS);
}

/** The server's RSS once it went IDLE_STEADY_MS without shrinking by a megabyte (at most IDLE_MAX_MS). */
export async function idleRss(c: LspClient): Promise<number> {
  let low = c.rssMb();
  let lowAt = performance.now();
  for (const end = lowAt + IDLE_MAX_MS; performance.now() < end && performance.now() - lowAt < IDLE_STEADY_MS;) {
    await pause(1000);
    const now = c.rssMb();
    if (now < low - 1) {
      low = now;
      lowAt = performance.now();
    }
  }
  return Math.min(low, c.rssMb());
}

const IDLE_STEADY_MS = 30_000;
const IDLE_MAX_MS = 90_000;

export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Server starts per org: a single start's `initialized` → all diagnostics moved by 10–15% between runs
 * of the same build on this 2-core host, so the load figures are medians over several starts.
 */
export const SERVER_STARTS = 3;

export interface Loaded {
  coldMs: number;
  openFileMs: number;
  rssAfterLoadMb: number;
  filesWithDiagnostics: number;
}

/** Registry Lens over stdio as VS Code starts it (its node options), on `root`, after a collection of the bench's own garbage. */
export function startServer(serverJs: string, root: string): Promise<LspClient> {
  // The bench's own garbage (the org model the script was built from) is collected now, not by GC
  // threads competing with the server for the two cores while it loads.
  (globalThis as { gc?: () => void }).gc?.();
  return LspClient.start({ command: process.execPath, args: [...SERVER_NODE_ARGS, serverJs, '--stdio'], root });
}

/** `initialized`, the script's first registry opened as a restored tab, then the wait for the status that ends the initial scan. */
export async function loadServer(
  c: LspClient,
  root: string,
  script: EditScript,
): Promise<Loaded & { early: EditScript['opened'][number] | undefined }> {
  const t0 = performance.now();
  await c.notify('initialized', {});
  // The first registry edited is open already, as an editor restores its tabs: its units start first.
  const early = script.opened.find((o) => o.kind === 'registry');
  const earlyUri = early ? pathToFileURL(join(root, early.file)).href : '';
  if (early) await c.open(earlyUri, languageOf(early.file), early.text);
  await c.waitFor('the initial analysis', () => (c.counts.get('registryLens/status') ?? 0) > 0);
  const coldMs = performance.now() - t0;
  return {
    coldMs,
    openFileMs: (c.settledAt(earlyUri) ?? NaN) - t0,
    rssAfterLoadMb: c.rssMb(),
    filesWithDiagnostics: c.publishedFiles(),
    early,
  };
}

/** Registry Lens over stdio, as VS Code runs it (default settings and debounce): SERVER_STARTS loads, the last one then plays the edits. */
export async function measureServer(
  name: string,
  script: EditScript,
  root: string,
  serverJs: string,
  log: (s: string) => void,
): Promise<ServerResult> {
  const loadStart = loadavg()[0] ?? 0;
  const other = otherWorkSince();
  const start = (): Promise<LspClient> => startServer(serverJs, root);
  const loads: Loaded[] = [];
  const report = (l: Loaded): void => {
    loads.push(l);
    log(
      `  ${name} server start ${loads.length}/${SERVER_STARTS}: initialized → all diagnostics ${Math.round(l.coldMs)} ms (the open registry's: ${Math.round(l.openFileMs)} ms), RSS ${Math.round(l.rssAfterLoadMb)} MB`,
    );
  };
  for (let i = 1; i < SERVER_STARTS; i++) {
    const c = await start();
    try {
      report(await loadServer(c, root, script));
    } finally {
      await c.stop();
    }
  }
  const c = await start();
  let measured: Omit<ServerResult, 'load'>;
  try {
    const last = await loadServer(c, root, script);
    report(last);
    const kinds: TargetKind[] = ['meta', 'registry', 'core'];
    await openFiles(c, root, { ...script, opened: script.opened.filter((o) => o !== last.early) }, kinds);
    const played = await playEdits(c, root, script, kinds, log);
    const rssAfterEditsMb = c.rssMb();
    const rssIdleMb = await idleRss(c);
    log(
      `  ${name} server: RSS after the edits ${Math.round(rssAfterEditsMb)} MB, once idle ${Math.round(rssIdleMb)} MB`,
    );
    measured = {
      org: name,
      coldMs: median(loads.map((l) => l.coldMs)),
      openFileMs: median(loads.map((l) => l.openFileMs)),
      rssAfterLoadMb: median(loads.map((l) => l.rssAfterLoadMb)),
      starts: loads.map((l) => ({ coldMs: l.coldMs, openFileMs: l.openFileMs, rssAfterLoadMb: l.rssAfterLoadMb })),
      rssAfterEditsMb,
      rssIdleMb,
      filesWithDiagnostics: last.filesWithDiagnostics,
      edits: played,
      gapMs: EDIT_GAP_MS,
    };
  } finally {
    await c.stop();
  }
  return { ...measured, load: { start: loadStart, end: loadavg()[0] ?? 0, other: other() } };
}
