// Feeds an engine everything it needs from a directory, for any front end that reads a whole root
// from disk: walks (links and the directories the engine asks about reported), feeds the files its
// `interest()` wants and those to read alongside them, analyses, and walks again while the answer
// moves (apcore.yaml naming other roots), then feeds the files the analysis refers to that the walk
// did not know to read, again while those name more. Given the state of an earlier feed (the MCP
// server, before each call), it feeds only what changed since: files whose size, times or inode moved
// are read again, files gone or no longer wanted leave the engine. A feed that may be abandoned (`signal`)
// analyses in slices, so the event loop sees the abort within one.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { HostInterest, RegistryEngine } from '../engine/engine';
import { readTexts, type ReadResult } from './readText';
import { absoluteIn, NO_LIBRARY, type Library } from './frameworkLibrary';
import { narrowWalk, walkRoot, type RootWalk } from './walkRoot';

/** Walks at most this often: once, and again for each move of the relevance rules (they settle after one). */
const MAX_WALKS = 3;
/** Rounds of referred files: a longer chain of references is not followed (families follow at most 8 hops). */
const MAX_WANTED_ROUNDS = 10;
/** How long one slice of an abandonable feed's analysis runs before the event loop gets a turn. */
const SLICE_MS = 50;

export interface FeedOptions {
  /** Root-relative paths never read. */
  excluded: (rel: string) => boolean;
  warn: (message: string) => void;
  /** The size policy (setting `registryLens.maxFileSizeMB`). */
  maxFileBytes: number;
  /** The installed frameworks fed as library code (host/frameworkLibrary.ts); none when absent. */
  library?: Library;
  /** The frameworks the Python environment installs, import-style (`installedNames`); none when absent. */
  installed?: readonly string[];
}

/**
 * What one feed is given besides its options (host/checkCache.ts): `whole`, a walk of the root just made with
 * `WHOLE_TREE` and the same exclusions, which stands for the first walk (see `narrowWalk`); `record`, which hears each
 * walk and each read outcome (what a cached result is judged against).
 */
export interface FeedExtras {
  whole?: RootWalk;
  record?: FeedRecord;
  /**
   * Abandons the feed (it rejects with the signal's reason) at its next step: after the walk, the reads, each slice
   * of the analysis. The MCP server's load, which its client may leave before it ends.
   */
  signal?: AbortSignal;
  /** A call answered while an abandonable feed runs, before its analysis is done (see `FirstPass`). */
  first?: FirstPass;
}

/**
 * A call answered while an abandonable feed runs (the MCP server's calls during its load): once every file is read and
 * no walk or referred file is left, the analysis hands the engine to `ready` between two steps, as queries pulled then
 * read every file in full; a call that reports some files' diagnostics waits until their units have run, which run
 * before the others (`updateSome` with `onlyFirst`), so their diagnostics are final.
 */
export interface FirstPass {
  /**
   * The files whose diagnostics the waiting call reports, as the engine names them (undefined: no call waits); asked
   * in each slice, the same set while the files fed are (`fed`: moves with each feed).
   */
  awaited(engine: RegistryEngine, fed: number): ReadonlySet<string> | undefined;
  /** What it returns, the analysis waits for before its next step (a walk the answer waits for, not slowed by it). */
  ready(engine: RegistryEngine, midway: Midway): Promise<void> | undefined;
}

/** Where a feed that handed its engine to a waiting call stands (see `FirstPass`), asked then or later. */
export interface Midway {
  /** Units of other files are still waiting: the root's diagnostics are not all published yet. */
  rest(): boolean;
  /** Whether feeding the root again now would give the engine nothing (`unchangedSince`; false without a state). */
  unchanged(): Promise<boolean>;
}

export interface FeedRecord {
  walked(walk: RootWalk): void;
  read(rel: string, read: ReadResult): void;
}

/**
 * What an earlier feed gave the engine: each path fed, with the stamp of the file it read (or '' when
 * it did not stat), and the directories it reported unreadable.
 */
export interface FeedState {
  readonly fed: Map<string, string>;
  unreadable: Set<string>;
  /** What the last walk gave besides files (`treeOf`). */
  tree: string;
  /** Why each path fed as skipped was (a racy one read again the same is not said again). */
  readonly skipped: Map<string, string>;
  /** The time a stamp is taken at (`stampStands`); a test's clock may run ahead. */
  readonly clock: () => number;
}

export function newFeedState(clock: () => number = Date.now): FeedState {
  return { fed: new Map(), unreadable: new Set(), tree: '', skipped: new Map(), clock };
}

/**
 * Without a state (one load, the CLI) nothing is stat'ed; with one, every file to feed is, before it
 * is read (a change after the stat is then read again next time, never missed).
 */
export async function feedEngine(
  engine: RegistryEngine,
  root: string,
  opts: FeedOptions,
  state?: FeedState,
  { whole, record, signal, first }: FeedExtras = {},
): Promise<void> {
  let feeds = 0;
  const library = opts.library ?? NO_LIBRARY;
  engine.setLibrary(library.mounts.map((m) => m.at));
  engine.setInstalled(opts.installed ?? []);
  const absolute = absoluteIn(root, library);
  const analyse = async (): Promise<void> => {
    feeds++;
    if (signal) await updateInSlices(engine, signal, first && { pass: first, settled, unchanged, fed: feeds });
    else engine.update();
  };
  const unchanged = (): Promise<boolean> =>
    state ? unchangedSince(engine, root, opts, state) : Promise.resolve(false);
  // Nothing is left to read: no new walk is due and no file the analysis refers to is unread.
  const settled = (): boolean => {
    const interest = engine.interest();
    return interest.walk === walked && !interest.files.some((rel) => onDisk.has(rel) && !seen.has(rel));
  };
  // Fed before and nothing changed since: a feed would give the engine what it has (and take out and read again the
  // files read because the analysis referred to them, analysing them twice).
  // The walk that judged it is the feed's first when something changed (nothing was given the engine since).
  let judged: { found: RootWalk; walk: number } | undefined;
  if (state !== undefined && state.tree !== '') {
    const interest = engine.interest();
    const found = await walkRoot(root, interest, opts.excluded, undefined, library);
    if (sameAsFed(found, interest, absolute, state)) return;
    judged = { found, walk: interest.walk };
  }
  const fed = state?.fed ?? new Map<string, string>();
  const stamp = state === undefined ? (): string => '' : (abs: string): string => fileStamp(abs);
  let onDisk: ReadonlySet<string> = new Set<string>();
  const seen = new Set<string>();
  const feed = async (files: string[]): Promise<void> => {
    const fresh = files.filter((rel) => !seen.has(rel));
    const abs = fresh.map(absolute);
    const changed: { rel: string; abs: string; stamp: string }[] = [];
    // Taken before the stats: a stamp within the file system's granularity of it may outlive a change (`stampStands`).
    const statted = state?.clock() ?? 0;
    fresh.forEach((rel, i) => {
      seen.add(rel);
      const path = abs[i] as string;
      const now = stamp(path);
      if (now === '' || fed.get(rel) !== now) changed.push({ rel, abs: path, stamp: now });
    });
    const reads = await readTexts(
      changed.map((c) => c.abs),
      opts.maxFileBytes,
    );
    signal?.throwIfAborted();
    changed.forEach(({ rel, stamp: now }, i) => {
      const read = reads[i];
      record?.read(rel, read ?? null);
      const had = fed.get(rel);
      const skippedFor = state?.skipped.get(rel);
      state?.skipped.delete(rel);
      if (!read) {
        fed.delete(rel);
        if (had !== undefined) engine.deleteFile(rel);
        return;
      }
      // A racy stamp is kept as none, which no stamp meets: the file is read again by the next feed, and then judged.
      fed.set(rel, stampStands(now, statted) ? now : '');
      if ('text' in read) {
        engine.setFile(rel, read.text, true);
        return;
      }
      state?.skipped.set(rel, read.skipped);
      // Read again only because its stamp was racy, and skipped as before: said already (a fresh run says it once).
      if (!(had === '' && skippedFor === read.skipped)) opts.warn(`skipped ${rel}: ${read.skipped}`);
      engine.setSkipped(rel, read.skipped);
    });
  };
  let walked = Number.NaN;
  for (let walk = 0; walk < MAX_WALKS && walked !== engine.interest().walk; walk++) {
    signal?.throwIfAborted();
    const interest = engine.interest();
    walked = interest.walk;
    const found =
      walk === 0 && whole !== undefined
        ? narrowWalk(whole, interest)
        : walk === 0 && judged?.walk === interest.walk
          ? judged.found
          : await walkRoot(root, interest, opts.excluded, undefined, library);
    signal?.throwIfAborted();
    record?.walked(found);
    onDisk = found.onDisk;
    for (const [dir, { reason, file }] of found.unreadable) {
      if (!state?.unreadable.has(dir)) opts.warn(`skipped ${dir}${file ? '' : '/'}: ${reason}`);
      engine.setSkipped(dir, reason);
    }
    if (state !== undefined) {
      for (const dir of state.unreadable) if (!found.unreadable.has(dir)) engine.deleteFile(dir);
      state.unreadable = new Set(found.unreadable.keys());
      state.tree = treeOf(found);
    }
    const listed = new Set(found.files);
    const asked = new Set(interest.files);
    for (const rel of [...fed.keys()])
      if (!listed.has(rel) && !(asked.has(rel) && onDisk.has(rel))) {
        fed.delete(rel);
        state?.skipped.delete(rel);
        engine.deleteFile(rel);
      }
    engine.setTree({ links: found.links, directories: found.directories });
    await feed(found.files);
    await analyse();
  }
  // A file read may name more (a module re-exporting a class leads to the next): fed while new ones come, bounded.
  for (let round = 0; round < MAX_WANTED_ROUNDS; round++) {
    const wanted = engine.interest().files.filter((rel) => onDisk.has(rel) && !seen.has(rel));
    if (wanted.length === 0) return;
    await feed(wanted);
    await analyse();
  }
}

/** What a walk gives the engine besides files (links, directories, what it could not list), comparable as a string. */
function treeOf(found: RootWalk): string {
  const links = [...found.links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify([links, [...found.directories].sort(), [...found.unreadable.keys()].sort()]);
}

/**
 * Whether feeding the root again after a feed that left `state` would give `engine` nothing: a walk with its interest
 * lists the same links, directories and unlistable paths and no file that was not fed, no file the analysis refers
 * to is left unread, and every file fed is there with the stamp it had when it was read (reads no file). What the
 * engine answers then is what it would answer after that feed (a call during the MCP server's load: `FirstPass`).
 */
export async function unchangedSince(
  engine: RegistryEngine,
  root: string,
  opts: FeedOptions,
  state: FeedState,
): Promise<boolean> {
  const interest = engine.interest();
  const library = opts.library ?? NO_LIBRARY;
  const found = await walkRoot(root, interest, opts.excluded, undefined, library);
  return sameAsFed(found, interest, absoluteIn(root, library), state);
}

/** `unchangedSince`, given the walk made with the engine's interest now; `abs`: where a fed path is on disk. */
function sameAsFed(found: RootWalk, interest: HostInterest, abs: (rel: string) => string, state: FeedState): boolean {
  if (treeOf(found) !== state.tree) return false;
  // A file the analysis refers to and has not read would be read.
  if (interest.files.some((rel) => found.onDisk.has(rel))) return false;
  const listed = new Set(found.files);
  for (const rel of listed) if (!state.fed.has(rel)) return false;
  // Every file fed as it was read: those listed, and those read because the analysis referred to them (a feed takes
  // them out and reads them again, to the same end when nothing changed).
  for (const [rel, stamp] of state.fed) {
    if (!listed.has(rel) && !found.onDisk.has(rel)) return false;
    const now = fileStamp(abs(rel));
    if (now === '' || now !== stamp) return false;
  }
  return true;
}

/**
 * `engine.update()` in slices of about `SLICE_MS`, the event loop turning between them, abandoned when `signal` is
 * aborted: the same end (`updateSome` changes which units run in which call, never what they end with).
 */
async function updateInSlices(
  engine: RegistryEngine,
  signal: AbortSignal,
  first?: { pass: FirstPass; settled: () => boolean; unchanged: () => Promise<boolean>; fed: number },
): Promise<void> {
  // What this analysis handed to a waiting call already, or found not settled once that call's units had run.
  let tried: ReadonlySet<string> | undefined;
  // Units left by the last slice (none once the analysis is done).
  let left = Number.POSITIVE_INFINITY;
  const midway: Midway | undefined = first && { rest: () => left > 0, unchanged: first.unchanged };
  try {
    for (;;) {
      signal.throwIfAborted();
      const start = performance.now();
      const stop = (): boolean => performance.now() - start > SLICE_MS;
      const awaited = first?.pass.awaited(engine, first.fed);
      if (first && midway && awaited && awaited !== tried) {
        // A call answered from queries needs no unit; one about some files, theirs (and only theirs start now).
        let ran = true;
        if (awaited.size > 0) {
          const { waiting, waitingFirst } = engine.updateSome(stop, awaited, true);
          left = waiting;
          ran = waitingFirst === 0;
        }
        if (ran) {
          tried = awaited;
          if (first.settled()) await first.pass.ready(engine, midway);
        }
        if (awaited.size === 0) continue;
      } else if ((left = engine.updateSome(stop).waiting) === 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    left = 0;
  }
}

/**
 * How long before a time a file's last change must lie for its stamp to stand for its content from that time on: file
 * systems keep times to a second (two on FAT), so a file rewritten within that second after its stamp was taken may
 * keep it (git's "racy" files). Such files are read again.
 */
const STAMP_SLACK_MS = 2_000;

/**
 * Whether a file's stamp (`fileStamp`: '' for no file) can stand for its content from `time` on: its last change lies
 * far enough before (`STAMP_SLACK_MS`) that a change after `time` moves it. The one rule of every stamp comparison:
 * `check --cache`, the language server's diagnostics cache, a root fed again (the daemon, the server).
 */
export function stampStands(stamp: string, time: number): boolean {
  if (stamp === '') return false;
  const [, mtime, ctime] = stamp.split(':').map(Number);
  return Math.max(mtime ?? Infinity, ctime ?? Infinity) < time - STAMP_SLACK_MS;
}

/**
 * Size, change times and inode: a file rewritten in place or replaced (a rename over it) gets a new stamp; '' when
 * there is no such file.
 */
export function fileStamp(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return '';
  }
}
