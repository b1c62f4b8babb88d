// `check --cache` and `mcp --cache`: a whole root's diagnostics kept between runs, exact by construction. The engine's
// output is a function of what the host feeds it (settings, the walk's view of the tree, each file read
// and its outcome), and what the host feeds is a function of the tree and of the engine's answers to
// those same inputs. So a run may reuse an earlier result when the settings, the engine build, the
// tree as a walk lists it and every file the earlier run read are as they were: each then feeds and
// answers the same. A file the earlier run did not read cannot matter, as nothing asked for it. The
// cache holds digests, paths and the result, never file text.
import { createHash, hash as oneShot } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../engine/api';
import type { RegistryEngine } from '../engine/engine';
import type { Diagnostic } from '../engine/types';
import { cacheName, CACHE_FORMAT, readCacheFile, writeCacheFile } from './cacheFile';
import { fileStamp, type FeedExtras, type FeedRecord } from './feedEngine';
import { feedOptions, openRoot, type RootOverrides } from './openRoot';
import type { FolderSettings } from './folderSettings';
import { readSettings } from './readSettings';
import { readText, type ReadResult } from './readText';
import { absolutePath } from './scan';
import { walkRoot, WHOLE_TREE, type RootWalk } from './walkRoot';

/** What `check` prints, whole-root: the diagnostics, the summary, the globs named when no registry is found. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: Summary;
  registryGlobs: string[];
  /** The files read that the globs match (`RegistryEngine.registryFilesRead`). */
  registryFilesRead: string[];
}

/** The cache file's first part. */
interface EntryHead {
  /** The digest of the settings, the engine's identity and the tree as walked (`treeDigest`). */
  tree: string;
  /** When the run began (ms since the epoch): a file changed since is never trusted by its stamp (`trusted`). */
  started: number;
  /** What the run said while it fed (skipped files, unreadable directories): said again on reuse. */
  warnings: string[];
  result: CheckResult;
}

/** The head and the files, which the file holds in parts of `FILES_PER_PART` (`[read, outcomes, stamps]` each). */
interface Entry extends EntryHead {
  /** The files the run read, in the order it read them, each read's outcome (`outcome`) and the file's stamp. */
  read: string[];
  outcomes: string[];
  stamps: string[];
}

/** Files per part of the cache file: a part's stamps are taken as it is written. */
const FILES_PER_PART = 4096;

/**
 * The running build's identity: its version and the bundle's own digest (a rebuilt engine is another engine); null
 * when the bundle cannot be read, and nothing may be cached.
 */
export function engineIdentity(version: string): string | null {
  try {
    return `${version}+${createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16)}`;
  } catch {
    return null;
  }
}

/** The cache folder and the running build's identity (`engineIdentity`). */
export interface CacheSpec {
  folder: string;
  engine: string;
}

/** What a fresh analysis of a root whose result is not cached is given, and how its result is then kept. */
export interface FreshAnalysis {
  /** The root's settings, as judged. */
  readonly settings: FolderSettings;
  /** What its first feed is given: the walk already made, and what records the feed. */
  readonly feed: FeedExtras;
  /** Says a warning of the analysis and keeps it, said again whenever the result is reused. */
  readonly warn: (message: string) => void;
  /** The result of `engine`, fed and analysed as said, written to the cache (failures to write are said). */
  store(engine: RegistryEngine): CheckResult;
}

/** The whole-check result of an analysed root (what `store` keeps). */
export function wholeResult(engine: RegistryEngine): CheckResult {
  return {
    diagnostics: engine.allDiagnostics(),
    summary: engine.summary(),
    registryGlobs: engine.registryGlobs(),
    registryFilesRead: engine.registryFilesRead(),
  };
}

/**
 * A root's whole-check result kept in a cache folder, for the front ends that analyse a root from disk (`check
 * --cache`, `mcp --cache`: the same file for the same root and overrides). A bad or unwritable cache is said on `warn`
 * and never changes a result.
 */
export class ResultCache {
  private readonly file: string;
  constructor(
    private readonly dir: string,
    private readonly overrides: RootOverrides,
    private readonly cache: CacheSpec,
    private readonly warn: (message: string) => void,
  ) {
    // One file per root and flags (a settings change replaces it, never adds one).
    this.file = join(cache.folder, cacheName('check', JSON.stringify({ dir, overrides })));
  }

  /**
   * The cached result when its inputs are unchanged (its warnings said again; else null), and what a fresh analysis
   * needs, hit or not: the walk made to judge the cache is its first. `warn` says what this lookup and that analysis
   * find (the cache's own by default).
   */
  async lookup(warn = this.warn): Promise<{ hit: CheckResult | null; fresh: FreshAnalysis }> {
    const settings = readSettings(this.dir, warn);
    const identity = this.identity(settings);
    const entry = asEntry(readCacheFile(this.file, this.cache.engine, warn));
    const whole = await walkRoot(this.dir, WHOLE_TREE, feedOptions(settings, () => undefined).excluded);
    const hit = entry !== null && unchanged(this.dir, settings, identity, entry, whole) ? entry : null;
    for (const w of hit?.warnings ?? []) warn(w);
    return { hit: hit?.result ?? null, fresh: this.analysis(settings, identity, whole, warn) };
  }

  /** What a fresh analysis needs, without judging the cache (the analysis will replace its result). */
  async fresh(warn = this.warn): Promise<FreshAnalysis> {
    const settings = readSettings(this.dir, warn);
    const whole = await walkRoot(this.dir, WHOLE_TREE, feedOptions(settings, () => undefined).excluded);
    return this.analysis(settings, this.identity(settings), whole, warn);
  }

  private identity(settings: FolderSettings): string {
    return JSON.stringify({ format: CACHE_FORMAT, dir: this.dir, settings, overrides: this.overrides });
  }

  private analysis(
    settings: FolderSettings,
    identity: string,
    whole: RootWalk,
    warn: (message: string) => void,
  ): FreshAnalysis {
    const warnings: string[] = [];
    const recorder = new InputRecorder(identity);
    const { dir, file, cache } = this;
    return {
      settings,
      feed: { whole, record: recorder },
      warn: (message) => {
        warnings.push(message);
        warn(message);
      },
      store(engine) {
        const result = wholeResult(engine);
        const { tree, reads, started } = recorder;
        const head: EntryHead = { tree, started, warnings, result };
        const abs = absolutePath(dir);
        writeCacheFile(file, cache.engine, entryParts(head, [...reads.keys()], [...reads.values()], abs), warn);
        return result;
      },
    };
  }
}

/** `check --cache`: the root's whole-check result, the cached one when its inputs are unchanged, else a fresh one. */
export async function cachedCheck(
  dir: string,
  overrides: RootOverrides,
  warn: (message: string) => void,
  cache: CacheSpec,
): Promise<CheckResult> {
  const found = await new ResultCache(dir, overrides, cache, warn).lookup();
  if (found.hit !== null) return found.hit;
  const { settings, feed, warn: said } = found.fresh;
  const { engine } = await openRoot(dir, overrides, said, false, { folder: settings, feed });
  return found.fresh.store(engine);
}

/** Hears a feed: the last walk's view of the tree and each file's read outcome, as digests. */
class InputRecorder implements FeedRecord {
  tree = '';
  readonly reads = new Map<string, string>();
  readonly started = Date.now();
  constructor(private readonly identity: string) {}
  walked(walk: RootWalk): void {
    this.tree = treeDigest(this.identity, walk);
  }
  read(rel: string, read: ReadResult): void {
    this.reads.set(rel, outcome(read));
  }
}

/**
 * How long before a run a file's last change must lie for its stamp to stand for its content: file systems keep
 * times to a second (two on FAT), so a file rewritten within that second after its stamp was taken may keep it (git's
 * "racy" files). Such files are read again.
 */
const STAMP_SLACK_MS = 2_000;

/**
 * Whether a file may be taken as read before without reading it (git's and ESLint's metadata check): the same size,
 * change times and inode as when the earlier run read it, and no change since that run began.
 */
export function trusted(now: string, then: string | undefined, started: number): boolean {
  return now === then && settled(now, started);
}

/**
 * Whether a file's stamp (`fileStamp`: '' for no file) can stand for its content from `time` on: its last change lies
 * far enough before (`STAMP_SLACK_MS`) that a change after `time` moves it.
 */
export function settled(stamp: string, time: number): boolean {
  if (stamp === '') return false;
  const [, mtime, ctime] = stamp.split(':').map(Number);
  return Math.max(mtime ?? Infinity, ctime ?? Infinity) < time - STAMP_SLACK_MS;
}

/**
 * Whether the inputs of `entry` are as they were: the tree as `whole` (a walk with `WHOLE_TREE`) found it, then each
 * file read before stat'ed, and read again (one at a time, none kept) unless its stamp is `trusted`, stopping at the
 * first that differs.
 */
function unchanged(dir: string, settings: FolderSettings, identity: string, entry: Entry, whole: RootWalk): boolean {
  if (treeDigest(identity, whole) !== entry.tree) return false;
  const { maxFileBytes } = feedOptions(settings, () => undefined);
  const absolute = absolutePath(dir);
  return entry.read.every((rel, i) => {
    const abs = absolute(rel);
    return (
      trusted(fileStamp(abs), entry.stamps[i], entry.started) ||
      outcome(readText(abs, maxFileBytes)) === entry.outcomes[i]
    );
  });
}

/**
 * The settings and engine (`identity`) and the tree as any walk of it sees it, whatever it asks: the files, the
 * directories, the links, what could not be listed, the links listed through (a walk asking less reports a garbled
 * file name less: then the digests differ and the cache is not used, never the other way).
 */
function treeDigest(identity: string, walk: RootWalk): string {
  const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
  const h = createHash('sha256');
  const parts = [
    [identity],
    sorted(walk.onDisk),
    sorted(walk.met),
    walk.links.map((l) => JSON.stringify(l)).sort(),
    sorted([...walk.unreadable].map(([rel, u]) => JSON.stringify([rel, u.reason, u.file]))),
    sorted(walk.followed),
  ];
  // Hashed in chunks of ~64 KB, not each part joined whole: a large root's joined paths, a string per path, were held
  // at the engine's peak (bench/README.md, `check --cache`). The bytes hashed are those of the part joined.
  let chunk = '';
  for (const part of parts) {
    chunk += `${part.length}\0`;
    for (const p of part) {
      chunk += `${p.length}:${p}`;
      if (chunk.length >= 65_536) {
        h.update(chunk);
        chunk = '';
      }
    }
  }
  h.update(chunk);
  return h.digest('base64');
}

/** A read's outcome: the text's SHA-256, why it was skipped, or that there was no file. */
export function outcome(read: ReadResult): string {
  if (read === null) return 'none';
  if ('skipped' in read) return `skipped ${read.skipped}`;
  return sha256(read.text);
}

/**
 * One-shot where Node has it (20.12+): a Hash object per file holds native memory until a collection finds it, ~35 MB
 * more peak RSS over the large bench org's 33,000 files.
 */
const sha256: (text: string) => string =
  typeof oneShot === 'function'
    ? (text) => oneShot('sha256', text, 'base64')
    : (text) => createHash('sha256').update(text).digest('base64');

/**
 * The cache file's parts: the head, then the files by `FILES_PER_PART`, each part's files stamped as it is asked for
 * (`abs`: a file's absolute path). Stamped after the analysis: a file changed since its read has changed after
 * `started`, so its stamp is never trusted (`trusted`). Taken during the feed, or all at once before the write, the
 * stamps and their absolute paths raised the run's peak memory (bench/README.md, `check --cache`).
 */
function* entryParts(
  head: EntryHead,
  read: readonly string[],
  outcomes: readonly string[],
  abs: (rel: string) => string,
): Generator<unknown> {
  yield head;
  for (let i = 0; i < read.length; i += FILES_PER_PART) {
    const files = read.slice(i, i + FILES_PER_PART);
    yield [files, outcomes.slice(i, i + FILES_PER_PART), files.map((rel) => fileStamp(abs(rel)))];
  }
}

/** The cached entry, if the decoded parts have the entry's shape (a file from elsewhere is not trusted). */
function asEntry(parts: readonly unknown[] | undefined): Entry | null {
  const [head, ...files] = parts ?? [];
  if (typeof head !== 'object' || head === null) return null;
  const e = head as Partial<EntryHead>;
  const strings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  if (typeof e.tree !== 'string' || !strings(e.warnings) || typeof e.started !== 'number') return null;
  const r = e.result;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.diagnostics) || !strings(r.registryGlobs)) return null;
  if (!strings(r.registryFilesRead)) return null;
  if (typeof r.summary !== 'object' || r.summary === null) return null;
  const entry: Entry = { ...(e as EntryHead), read: [], outcomes: [], stamps: [] };
  for (const part of files) {
    if (!Array.isArray(part) || part.length !== 3) return null;
    const [read, outcomes, stamps] = part as unknown[];
    if (!strings(read) || !strings(outcomes) || !strings(stamps)) return null;
    if (read.length !== outcomes.length || read.length !== stamps.length) return null;
    for (let i = 0; i < read.length; i++) {
      entry.read.push(read[i] as string);
      entry.outcomes.push(outcomes[i] as string);
      entry.stamps.push(stamps[i] as string);
    }
  }
  return entry;
}
