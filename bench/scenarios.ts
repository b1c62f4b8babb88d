// The measurements of one org, run in a child process of its own so that peak RSS and heap belong to
// that org alone: the walk+read+parse floor, cold full analysis (walk and reads as the product does
// them), edit → updated diagnostics latency, memory, and a from-scratch cross-check of the
// incremental result.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { constants as perfConstants, performance, PerformanceObserver } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { RegistryEngine, type WasmBinaries } from '../server/src/engine/engine';
import { withPythonTree } from '../server/src/engine/python/parser';
import { DEFAULT_MAX_BYTES, readTexts, rereader } from '../server/src/host/readText';
import { listFiles } from '../server/src/host/scan';
import { Rng } from './rng';
import type { BenchEdit, Family, Workload } from './workload';
import type { CliPeak } from './cliPeak';
import type { ServerResult } from './serverScenario';
import { otherWorkSince, type OtherWork } from './otherWork';
import { median, percentile } from './stats';

export interface MeasureOptions {
  /** Timed repetitions of the floor and of the cold analysis. */
  runs: number;
  editRounds: number;
  editsPerRound: number;
  warmupEdits: number;
  /** When set, CPU profiles of the last cold run and of the edit rounds are written there (timings then include profiler overhead). */
  profileDir: string | null;
}

export type GcKind = 'minor' | 'major' | 'incremental' | 'weakcb';
const GC_KINDS: Record<number, GcKind> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

export interface ColdBreakdown {
  walkMs: number;
  readMs: number;
  setFileMs: number;
  updateMs: number;
}

/** File-system operations in flight at once, as the language server's folder scan runs them. */

export interface OrgResult {
  org: string;
  family: Family;
  /** The org's size in words (bench/workload.ts `summary`). */
  summary: string;
  /** Registry entries, for the growth ratios. */
  entries: number;
  /** Edit kinds in report order, and those that are not registry edits. */
  editKinds: readonly string[];
  secondaryKinds: readonly string[];
  centralLabel: string;
  componentLabel: string;
  relevantFiles: number;
  relevantBytes: number;
  runs: number;
  floorMs: number[];
  floorWalkMs: number[];
  floorReadMs: number[];
  /** CPU time (user+system, all threads) of the same runs: far less sensitive to other load on the machine. */
  floorCpuMs: number[];
  coldMs: number[];
  coldCpuMs: number[];
  coldParts: ColdBreakdown[];
  edits: {
    rounds: number;
    perRound: number;
    /** Every measured edit (ms), in order. */
    samples: number[];
    /** CPU time of each measured edit. */
    cpuSamples: number[];
    kinds: string[];
    changedFiles: number[];
    /** GC pause time (ms) overlapping each measured edit. */
    gcMs: number[];
    /** The same, summed by GC kind over all measured edits. */
    gcByKind: Record<string, number>;
    roundP50: number[];
    roundP95: number[];
    roundMax: number[];
    roundCpuP50: number[];
    roundCpuP95: number[];
  };
  /** Edits of the family's central file (`centralLabel`: the core registry, a core interface, registry.yaml), setFile + update(). */
  coreEditMs: number[];
  /** Edits of components (`componentLabel`: builder modules, config modules, the `.onextree`), setFile + update(). */
  componentEditMs: number[];
  diagnostics: { total: number; byCode: Record<string, number> };
  memory: { peakRssMb: number; heapUsedMb: number; rssAfterGcMb: number; externalMb: number };
  correctness: { ok: boolean; incremental: number; fresh: number; detail: string; freshAnalysisMs: number };
  seeded: Record<string, number>;
  /** 1-minute load average when the measurement started and ended (the machine is shared), and the other work meanwhile (null where /proc cannot tell). */
  load: { start: number; end: number; other?: OtherWork | null };
  /** The same org through the real server over stdio (filled in by the parent process; absent with --no-server). */
  server?: ServerResult;
  /** `registry-lens check`, one load per process (bench/cliPeak.ts). */
  cli?: CliPeak;
}

type Gc = () => void;

function forceGc(): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  gc();
  gc();
}

/** Root-relative POSIX paths of every file the engine wants, sorted (the walk is not timed). */
function relevantFiles(root: string, engine: RegistryEngine): string[] {
  const out: string[] = [];
  const interest = engine.interest();
  const walk = (abs: string, rel: string): void => {
    for (const d of readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(join(abs, d.name), r);
      else if (d.isFile() && interest.wants(r)) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** Reads files as the product does (host/readText); null for a file skipped. */
async function readAll(root: string, files: string[]): Promise<(string | null)[]> {
  const reads = await readTexts(files.map((rel) => join(root, ...rel.split('/'))));
  return reads.map((r) => (r !== null && 'text' in r ? r.text : null));
}

/**
 * The walk and the reads as the product does them (host/scan, host/readText):
 * the files the engine wants and those read alongside them, plus the directories it asks about
 * (Feeder.feedRoot reports them with `setTree`; the ONEX family resolves version directories by them).
 */
async function walkAndRead(
  root: string,
  engine: RegistryEngine,
): Promise<{
  files: string[];
  texts: (string | null)[];
  directories: string[];
  onDisk: Set<string>;
  walkMs: number;
  readMs: number;
}> {
  const w0 = performance.now();
  const onDisk = new Set<string>();
  const directories: string[] = [];
  const interest = engine.interest();
  const accepted = await listFiles(root, {
    skip: () => false,
    accept: (rel) => {
      onDisk.add(rel);
      return interest.wants(rel);
    },
    directory: (rel) => {
      if (interest.wantsDirectory(rel)) directories.push(rel);
    },
  });
  const companions = accepted.flatMap((rel) => interest.alongside(rel)).filter((rel) => onDisk.has(rel));
  const files = [...new Set([...accepted, ...companions])].sort();
  const r0 = performance.now();
  const texts = await readAll(root, files);
  return { files, texts, directories, onDisk, walkMs: r0 - w0, readMs: performance.now() - r0 };
}

/** The floor: walking, reading and parsing every file with the engine's parsers, nothing else (`later`: the files an analysis asks for afterwards, read too). */
async function floorRun(
  root: string,
  probe: RegistryEngine,
  later: string[],
): Promise<{ ms: number; walkMs: number; readMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const first = await walkAndRead(root, probe);
  const r1 = performance.now();
  const more = later.length > 0 ? await readAll(root, later) : [];
  const readMs = first.readMs + performance.now() - r1;
  [...first.files, ...later].forEach((rel, i) => {
    const text = i < first.files.length ? first.texts[i] : more[i - first.files.length];
    if (text === null || text === undefined) return;
    if (rel.endsWith('.py'))
      withPythonTree(
        text,
        () => undefined,
        () => undefined,
      );
    else parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, version: '1.2' });
  });
  return { ms: performance.now() - t0, walkMs: first.walkMs, readMs, cpuMs: cpuMsSince(c0) };
}

/**
 * Where a cold run leaves its analysed engine. The measuring function never holds an engine in a
 * local of its own: it is async, and V8 keeps a value it awaited or a call returned in a register of
 * the suspended frame until something overwrites it, so an engine dropped from a variable stayed alive
 * through the next floor and cold run — two analysed engines at once in the peak RSS.
 */
interface EngineSlot {
  engine: RegistryEngine | null;
}

/**
 * Empties the slot and collects its engine before the next run. Clearing it is not always enough at
 * once: what ran the last run's final awaits can still reach the engine until the event loop turns
 * (on the large org, 580 MB kept through the next run), so the loop turns and GC runs until the
 * engine is gone (a WeakRef says when), a bounded number of times.
 */
async function release(slot: EngineSlot, log: (s: string) => void): Promise<void> {
  const gone = slot.engine ? new WeakRef(slot.engine) : null;
  slot.engine = null;
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 10));
    forceGc();
    if (gone?.deref() === undefined) return;
  }
  log("  warning: the previous run's engine is still alive after 20 collections; the peak RSS may count it");
}

/**
 * Cold analysis as the CLI runs it (Feeder.feedRoot's order): walk, read, `setTree` with the
 * directories, setFile each, update(); then the files the analysis refers to (e.g. ONEX entrypoints)
 * that exist and were not read, fed and analysed again; the engine is left in `slot`.
 */
async function coldRun(
  root: string,
  wasm: WasmBinaries,
  slot: EngineSlot,
): Promise<{ ms: number; cpuMs: number; parts: ColdBreakdown; directories: string[]; later: string[] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // As the CLI and the server: texts from disk that the engine may let go and read again.
  const engine = await RegistryEngine.create(wasm, {}, { reread: rereader(root, () => DEFAULT_MAX_BYTES) });
  const { files, texts, directories, onDisk, walkMs, readMs } = await walkAndRead(root, engine);
  const s0 = performance.now();
  engine.setTree({ links: [], directories });
  files.forEach((rel, i) => {
    const text = texts[i];
    if (text !== null && text !== undefined) engine.setFile(rel, text, true);
  });
  // The hosts keep no text once fed (an awaited array can outlive this frame: see EngineSlot).
  texts.fill(null);
  const u0 = performance.now();
  engine.update();
  const u1 = performance.now();
  const fed = new Set(files);
  const later = engine
    .interest()
    .files.filter((rel) => onDisk.has(rel) && !fed.has(rel))
    .sort();
  let laterReadMs = 0;
  let laterSetMs = 0;
  if (later.length > 0) {
    const l0 = performance.now();
    const more = await readAll(root, later);
    const l1 = performance.now();
    later.forEach((rel, i) => {
      const text = more[i];
      if (text !== null && text !== undefined) engine.setFile(rel, text, true);
    });
    laterReadMs = l1 - l0;
    laterSetMs = performance.now() - l1;
    engine.update();
  }
  const t1 = performance.now();
  slot.engine = engine;
  const updateMs = u1 - u0 + (later.length > 0 ? t1 - u1 - laterReadMs - laterSetMs : 0);
  return {
    ms: t1 - t0,
    cpuMs: cpuMsSince(c0),
    parts: { walkMs, readMs: readMs + laterReadMs, setFileMs: u0 - s0 + laterSetMs, updateMs },
    directories,
    later,
  };
}

export async function measureOrg(
  w: Workload,
  root: string,
  wasm: WasmBinaries,
  opts: MeasureOptions,
  log: (s: string) => void,
): Promise<OrgResult> {
  const loadStart = loadavg()[0] ?? 0;
  const otherSince = otherWorkSince();
  const profiler = opts.profileDir ? new Session() : null;
  if (profiler && opts.profileDir) {
    mkdirSync(opts.profileDir, { recursive: true });
    profiler.connect();
    await profiler.post('Profiler.enable');
  }
  const profile = async <T>(name: string, body: () => Promise<T> | T): Promise<T> => {
    if (!profiler || !opts.profileDir) return body();
    await profiler.post('Profiler.start');
    const result = await body();
    const { profile: p } = await profiler.post('Profiler.stop');
    const file = join(opts.profileDir, `${w.name}-${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(p));
    log(`  wrote ${file}`);
    return result;
  };
  // Tree-sitter is initialised once per process, here, outside every timed region (floor and cold alike).
  const probe = await RegistryEngine.create(wasm);
  // Files the analysis asks for after the walk (Feeder.feedRoot's second feeding), learned by one
  // untimed cold run where the family has them, so that the floor reads them too.
  const slot: EngineSlot = { engine: null };
  const later = w.readsReferencedFiles ? (await coldRun(root, wasm, slot)).later : [];
  const files = [...relevantFiles(root, probe), ...later];
  let relevantBytes = 0;
  for (const rel of files) relevantBytes += Buffer.byteLength(readFileSync(join(root, rel)));

  // JIT and page-cache warm-up (one untimed floor run), so that run 1 is not an outlier.
  await floorRun(root, probe, later);

  const floorMs: number[] = [];
  const floorWalkMs: number[] = [];
  const floorReadMs: number[] = [];
  const floorCpuMs: number[] = [];
  const coldMs: number[] = [];
  const coldCpuMs: number[] = [];
  const coldParts: ColdBreakdown[] = [];
  let directories: string[] = [];
  for (let i = 0; i < opts.runs; i++) {
    // Alternate the order so that neither side systematically runs on a warmer (or busier) machine.
    // The last run ends with cold so that its engine stays alive for the edit scenario.
    for (const which of i % 2 === 0 || i === opts.runs - 1 ? ['floor', 'cold'] : ['cold', 'floor']) {
      await release(slot, log);
      if (which === 'floor') {
        const f = await floorRun(root, probe, later);
        floorMs.push(f.ms);
        floorWalkMs.push(f.walkMs);
        floorReadMs.push(f.readMs);
        floorCpuMs.push(f.cpuMs);
      } else {
        const c = await (i === opts.runs - 1
          ? profile('cold', () => coldRun(root, wasm, slot))
          : coldRun(root, wasm, slot));
        coldMs.push(c.ms);
        coldCpuMs.push(c.cpuMs);
        coldParts.push(c.parts);
        directories = c.directories;
      }
    }
    log(
      `  ${w.name} run ${i + 1}/${opts.runs}: floor ${Math.round(floorMs[floorMs.length - 1] ?? 0)} ms, cold ${Math.round(coldMs[coldMs.length - 1] ?? 0)} ms`,
    );
  }
  if (!slot.engine) throw new Error('no cold run');
  const live: RegistryEngine = slot.engine;

  forceGc();
  const mem = process.memoryUsage();
  const diags = live.allDiagnostics();
  const byCode: Record<string, number> = {};
  for (const d of diags) byCode[d.code] = (byCode[d.code] ?? 0) + 1;

  // The edit scenario replays model edits; the files on disk must be what the model renders.
  const stale = w.staleProbe().find((x) => live.text(x.file) !== x.text);
  if (stale) throw new Error(`${stale.file}: generated tree is stale; rerun with --regen`);
  const gcEntries: { start: number; end: number; kind: GcKind }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const detail = (e as unknown as { detail?: { kind?: number } }).detail;
      gcEntries.push({
        start: e.startTime,
        end: e.startTime + e.duration,
        kind: GC_KINDS[detail?.kind ?? -1] ?? 'major',
      });
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const session = w.edits();
  const apply = (e: BenchEdit): void => {
    if (e.text === null) live.deleteFile(e.file);
    else live.setFile(e.file, e.text);
  };
  const warm = new Rng(w.seed ^ 0xabc);
  for (let i = 0; i < opts.warmupEdits; i++) {
    apply(session.next(warm));
    live.update();
  }
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const roundCpuP50: number[] = [];
  const roundCpuP95: number[] = [];
  const intervals: { start: number; end: number }[] = [];
  const kinds: string[] = [];
  const changedFiles: number[] = [];
  const roundP50: number[] = [];
  const roundP95: number[] = [];
  const roundMax: number[] = [];
  const runRounds = (): void => {
    for (let round = 0; round < opts.editRounds; round++) {
      const rng = new Rng(w.seed * 31 + round);
      const these: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < opts.editsPerRound; i++) {
        const e = session.next(rng);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        apply(e);
        const changed = live.update();
        const t1 = performance.now();
        cpu.push(cpuMsSince(c0));
        these.push(t1 - t0);
        intervals.push({ start: t0, end: t1 });
        kinds.push(e.kind);
        changedFiles.push(changed.length);
      }
      samples.push(...these);
      cpuSamples.push(...cpu);
      roundCpuP50.push(percentile(cpu, 0.5));
      roundCpuP95.push(percentile(cpu, 0.95));
      roundP50.push(percentile(these, 0.5));
      roundP95.push(percentile(these, 0.95));
      roundMax.push(Math.max(...these));
    }
  };
  await profile('edits', runRounds);
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  const gcByKind: Record<string, number> = {};
  const gcMs = intervals.map((iv) =>
    gcEntries.reduce((sum, g) => {
      const overlap = Math.max(0, Math.min(iv.end, g.end) - Math.max(iv.start, g.start));
      if (overlap > 0) gcByKind[g.kind] = (gcByKind[g.kind] ?? 0) + overlap;
      return sum + overlap;
    }, 0),
  );

  // Other kinds of edits, fewer of them: the family's central file (the core registry, a core
  // interface, registry.yaml) and its components.
  const other = new Rng(w.seed ^ 0xc0de);
  const central = w.centralEdits(other, 5);
  const components = w.componentEdits(other);
  const timed = (e: BenchEdit): number => {
    const t0 = performance.now();
    apply(e);
    live.update();
    return performance.now() - t0;
  };
  const coreEditMs: number[] = [];
  await profile('core-edits', () => {
    for (const e of central) coreEditMs.push(timed(e));
  });
  const componentEditMs = components.map(timed);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  // Cross-check: a from-scratch engine over the same final texts must agree exactly.
  const f0 = performance.now();
  const fresh = await RegistryEngine.create(wasm);
  fresh.setTree({ links: [], directories });
  for (const f of live.files()) fresh.setFile(f, live.text(f) ?? '');
  fresh.update();
  const freshAnalysisMs = performance.now() - f0;
  const a = live.allDiagnostics();
  const b = fresh.allDiagnostics();
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  let detail = '';
  if (sa !== sb) {
    const i = a.findIndex((d, k) => JSON.stringify(d) !== JSON.stringify(b[k]));
    const k = i < 0 ? Math.min(a.length, b.length) : i;
    detail = `first difference at #${k}: incremental ${JSON.stringify(a[k] ?? null).slice(0, 300)} vs fresh ${JSON.stringify(b[k] ?? null).slice(0, 300)}`;
  }

  return {
    org: w.name,
    family: w.family,
    summary: w.summary,
    entries: w.entries,
    editKinds: w.editKinds,
    secondaryKinds: w.secondaryKinds,
    centralLabel: w.centralLabel,
    componentLabel: w.componentLabel,
    relevantFiles: files.length,
    relevantBytes,
    runs: opts.runs,
    floorMs,
    floorWalkMs,
    floorReadMs,
    floorCpuMs,
    coldMs,
    coldCpuMs,
    coldParts,
    edits: {
      rounds: opts.editRounds,
      perRound: opts.editsPerRound,
      samples,
      cpuSamples,
      kinds,
      changedFiles,
      gcMs,
      gcByKind,
      roundP50,
      roundP95,
      roundMax,
      roundCpuP50,
      roundCpuP95,
    },
    coreEditMs,
    componentEditMs,
    diagnostics: { total: diags.length, byCode },
    memory: {
      peakRssMb,
      heapUsedMb: mem.heapUsed / 2 ** 20,
      rssAfterGcMb: mem.rss / 2 ** 20,
      externalMb: (mem.external + mem.arrayBuffers) / 2 ** 20,
    },
    correctness: { ok: sa === sb, incremental: a.length, fresh: b.length, detail, freshAnalysisMs },
    seeded: w.seeded,
    load: { start: loadStart, end: loadavg()[0] ?? 0, other: otherSince() },
  };
}

/** The headline figures: medians over runs; edit percentiles pooled over every measured edit. */
export function headline(r: OrgResult): Record<string, number> {
  return {
    floorMs: median(r.floorMs),
    coldMs: median(r.coldMs),
    coldOverFloor: median(r.coldMs) / median(r.floorMs),
    editP50: percentile(r.edits.samples, 0.5),
    editP95: percentile(r.edits.samples, 0.95),
    editMax: Math.max(...r.edits.samples),
    coldOverFloorCpu: median(r.coldCpuMs) / median(r.floorCpuMs),
    editCpuP50: percentile(r.edits.cpuSamples, 0.5),
    editCpuP95: percentile(r.edits.cpuSamples, 0.95),
    coreEditMs: median(r.coreEditMs),
    componentEditMs: median(r.componentEditMs),
    peakRssMb: r.memory.peakRssMb,
    heapUsedMb: r.memory.heapUsedMb,
    ...(r.cli ? { cliPeakRssMb: median(r.cli.peakRssMb), cliMs: median(r.cli.ms) } : {}),
    ...(r.cli?.files ? cliFilesHeadline(r.cli.ms, r.cli.files.ms, r.cli.files.daemonMs) : {}),
    ...(r.server ? serverHeadline(r.server, median(r.floorMs)) : {}),
  };
}

/**
 * `check --files` of one registry, without and with the root's daemon (the file changed), and the median of each run's
 * ratio to the full check it ran beside.
 */
function cliFilesHeadline(
  fullMs: readonly number[],
  filesMs: readonly number[],
  daemonMs: readonly number[],
): Record<string, number> {
  const ratios = (ms: readonly number[]): number => median(ms.map((m, i) => m / (fullMs[i] ?? Number.NaN)));
  return {
    cliFilesMs: median(filesMs),
    cliFilesOverCheck: ratios(filesMs),
    cliDaemonFilesMs: median(daemonMs),
    cliDaemonFilesOverCheck: ratios(daemonMs),
  };
}

/**
 * The server's figures; `floorMs`, the engine's walk+read+parse floor of the same run. Its ratios pair
 * figures of one run, which a busy machine inflates alike: the open registry's final diagnostics over
 * all diagnostics (the median of each start's ratio), and all diagnostics over the floor.
 */
function serverHeadline(s: ServerResult, floorMs: number): Record<string, number> {
  const open = s.starts.filter((x) => Number.isFinite(x.openFileMs)).map((x) => x.openFileMs / x.coldMs);
  return {
    serverColdMs: s.coldMs,
    serverColdOverFloor: s.coldMs / floorMs,
    ...(Number.isFinite(s.openFileMs) ? { serverOpenFileMs: s.openFileMs } : {}),
    ...(open.length > 0 ? { serverOpenOverCold: median(open) } : {}),
    serverRssMb: s.rssAfterLoadMb,
    serverIdleRssMb: s.rssIdleMb,
    ...(s.edits.meta.length > 0
      ? { serverMetaP50: percentile(s.edits.meta, 0.5), serverMetaP95: percentile(s.edits.meta, 0.95) }
      : {}),
    serverRegistryP50: percentile(s.edits.registry, 0.5),
    serverRegistryP95: percentile(s.edits.registry, 0.95),
    serverCoreP50: percentile(s.edits.core, 0.5),
  };
}
