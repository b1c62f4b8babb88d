// `check --cache` and `mcp --cache`: a whole root's diagnostics kept between runs, exact by construction: a run
// reuses an earlier result when the settings, the engine build, the tree as a walk lists it and every file the
// earlier run read are as they were (see `ResultCache`). It holds digests, paths and the result, never file text.
import { createHash, hash as oneShot } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameworkPin, Summary } from '../engine/api';
import type { RegistryEngine } from '../engine/engine';
import { SEVERITIES, type Diagnostic } from '../engine/types';
import {
  cacheName,
  CACHE_FORMAT,
  defaultCacheFolder,
  readCacheFile,
  writeCacheFile,
  type CacheSpec,
} from './cacheFile';
import { cacheKey } from './cacheKey';
import { isRootRelative } from './containment';
import { Feeder, type FeedExtras, type FeedRecord } from './feeder';
import { fileStamp, stampStands } from './fileStamp';
import { absoluteIn, frameworkLibrary, type Library } from './frameworkLibrary';
import { feedOptions, openRoot, type RootOverrides } from './openRoot';
import type { FolderSettings } from './folderSettings';
import { readSettings } from './readSettings';
import { readText, type ReadResult } from './readText';
import type { RootWalk } from './listedWalk';

/** What `check` prints, whole-root: the diagnostics, the summary, the globs named when no registry is found. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: Summary;
  registryGlobs: string[];
  /** The files read that the globs match (`RegistryEngine.registryFilesRead`). */
  registryFilesRead: string[];
  /** The versions the root's pin files pin (`RegistryEngine.frameworkPins`). */
  frameworkPins: FrameworkPin[];
  /** The built-in frameworks the root has files for (`RegistryEngine.frameworksInUse`). */
  frameworksInUse: string[];
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

/**
 * Where the caches of `root` are kept (`folder`, or null for the user's cache folder) and what vouches for them: the
 * running build's identity and the user's key; null when there can be no cache (said on `warn`).
 */
export function cacheSpec(
  root: string,
  folder: string | null,
  version: string,
  warn: (message: string) => void,
): CacheSpec | null {
  const engine = engineIdentity(version);
  if (engine === null) {
    warn('no cache: the running build cannot be identified');
    return null;
  }
  const key = cacheKey();
  if ('error' in key) {
    warn(`no cache: the user's cache key cannot be used: ${key.error}`);
    return null;
  }
  return { root, folder: folder ?? defaultCacheFolder(), engine, key };
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
    frameworkPins: engine.frameworkPins(),
    frameworksInUse: engine.frameworksInUse(),
  };
}

/**
 * A root's whole-check result kept in a cache folder, for the front ends that analyse a root from disk (`check
 * --cache`, `mcp --cache`: the same file for the same root and overrides). A bad or unwritable cache is said on `warn`
 * and never changes a result. Exact because the engine's output is a function of what the host feeds it (settings,
 * the walk's view of the tree, each file read and its outcome), and what the feeder (host/feeder.ts) feeds is a
 * function of the tree and of the engine's answers to those same inputs: with those as they were, each run feeds and
 * answers the same. A file the earlier run did not read cannot matter, as nothing asked for it. The walk that judges
 * the cache is the feed's first (`FeedExtras.whole`), and its stamps are the feeder's (host/fileStamp.ts).
 */
export class ResultCache {
  private readonly name: string;
  /** The frameworks installed for the root, read as its files are (host/frameworkLibrary.ts). */
  private readonly library: Library;
  constructor(
    private readonly dir: string,
    private readonly overrides: RootOverrides,
    private readonly cache: CacheSpec,
    private readonly warn: (message: string) => void,
  ) {
    // One file per root and flags (a settings change replaces it, never adds one).
    this.name = cacheName('check', JSON.stringify({ dir, overrides }));
    this.library = frameworkLibrary(dir, overrides.environment ?? null);
  }

  /**
   * The cached result when its inputs are unchanged (its warnings said again; else null), and what a fresh analysis
   * needs, hit or not: the walk made to judge the cache is its first. `warn` says what this lookup and that analysis
   * find (the cache's own by default).
   */
  async lookup(warn = this.warn): Promise<{ hit: CheckResult | null; fresh: FreshAnalysis }> {
    const settings = readSettings(this.dir, warn);
    const identity = this.identity(settings);
    const parts = readCacheFile(this.cache, this.name, warn);
    const entry = parts === undefined ? null : asEntry(parts);
    const whole = await this.walk(settings);
    const foreign = (why: string): false => {
      warn(`ignored the cache ${join(this.cache.folder, this.name)}: ${why}; it is rebuilt`);
      return false;
    };
    if (parts !== undefined && entry === null) foreign('it holds what this tool does not write');
    const absolute = absoluteIn(this.dir, this.library);
    const hit = entry !== null && unchanged(absolute, settings, identity, entry, whole, foreign) ? entry : null;
    for (const w of hit?.warnings ?? []) warn(w);
    return { hit: hit?.result ?? null, fresh: this.analysis(settings, identity, whole, warn) };
  }

  /** What a fresh analysis needs, without judging the cache (the analysis will replace its result). */
  async fresh(warn = this.warn): Promise<FreshAnalysis> {
    const settings = readSettings(this.dir, warn);
    const whole = await this.walk(settings);
    return this.analysis(settings, this.identity(settings), whole, warn);
  }

  /** The feeder's walk of the whole root and its library, which stands for the feed's first. */
  private walk(settings: FolderSettings): Promise<RootWalk> {
    return Feeder.walkWhole(
      this.dir,
      feedOptions(settings, () => undefined, this.library),
    );
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
    const { dir, name, cache, library } = this;
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
        const abs = absoluteIn(dir, library);
        writeCacheFile(cache, name, entryParts(head, [...reads.keys()], [...reads.values()], abs), warn);
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
 * Whether a file may be taken as read before without reading it (git's and ESLint's metadata check): the same size,
 * change times and inode as when the earlier run read it, and no change since that run began.
 */
export function trusted(now: string, then: string | undefined, started: number): boolean {
  return now === then && stampStands(now, started);
}

/**
 * Whether the inputs of `entry` are as they were: the tree as `whole` (a walk with `WHOLE_TREE`) found it, then each
 * file read before stat'ed, and read again (one at a time, none kept) unless its stamp is `trusted`, stopping at the
 * first that differs. A file the walk does not list was never read by a run on this tree: the entry is `foreign`, and
 * nothing it names is opened.
 */
function unchanged(
  absolute: (rel: string) => string,
  settings: FolderSettings,
  identity: string,
  entry: Entry,
  whole: RootWalk,
  foreign: (why: string) => false,
): boolean {
  if (treeDigest(identity, whole) !== entry.tree) return false;
  const unlisted = entry.read.find((rel) => !whole.onDisk.has(rel));
  if (unlisted !== undefined) return foreign(`it names a file the walk does not list (${JSON.stringify(unlisted)})`);
  const { maxFileBytes } = feedOptions(settings, () => undefined);
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

/**
 * The cached entry, if the decoded parts have the entry's shape, every field its type and every path a root-relative
 * one (a file from elsewhere is not trusted, and never makes the run fail).
 */
function asEntry(parts: readonly unknown[]): Entry | null {
  const [head, ...files] = parts;
  if (typeof head !== 'object' || head === null) return null;
  const e = head as Partial<EntryHead>;
  if (typeof e.tree !== 'string' || !strings(e.warnings) || !Number.isFinite(e.started)) return null;
  if (!isCheckResult(e.result)) return null;
  const entry: Entry = { ...(e as EntryHead), read: [], outcomes: [], stamps: [] };
  for (const part of files) {
    if (!Array.isArray(part) || part.length !== 3) return null;
    const [read, outcomes, stamps] = part as unknown[];
    if (!strings(read) || !strings(outcomes) || !strings(stamps) || !read.every(isRootRelative)) return null;
    if (read.length !== outcomes.length || read.length !== stamps.length) return null;
    for (let i = 0; i < read.length; i++) {
      entry.read.push(read[i] as string);
      entry.outcomes.push(outcomes[i] as string);
      entry.stamps.push(stamps[i] as string);
    }
  }
  return entry;
}

const strings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');

const SUMMARY_COUNTS = ['sources', 'entries', 'workspaces', 'errors', 'warnings', 'information', 'hints'] as const;

/** Whether `r` has a whole-check result's shape, down to each diagnostic's fields (`isDiagnostic`). */
function isCheckResult(r: unknown): r is CheckResult {
  if (typeof r !== 'object' || r === null) return false;
  const { diagnostics, summary, registryGlobs, registryFilesRead, frameworkPins, frameworksInUse } = r as Partial<
    Record<keyof CheckResult, unknown>
  >;
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic) || !strings(registryGlobs)) return false;
  if (!Array.isArray(frameworkPins) || !frameworkPins.every(isPin) || !strings(frameworksInUse)) return false;
  if (!Array.isArray(registryFilesRead) || !registryFilesRead.every(isRootRelative)) return false;
  if (typeof summary !== 'object' || summary === null) return false;
  const counts = summary as Record<string, unknown>;
  return SUMMARY_COUNTS.every((k) => Number.isSafeInteger(counts[k]) && (counts[k] as number) >= 0);
}

/** Whether `p` is a pin as the engine gives one: its strings, a root-relative file, the range a diagnostic has. */
function isPin(p: unknown): p is FrameworkPin {
  if (typeof p !== 'object' || p === null) return false;
  const { name, version, file, range } = p as Partial<Record<keyof FrameworkPin, unknown>>;
  return typeof name === 'string' && typeof version === 'string' && isRootRelative(file) && isRange(range);
}

/** Whether `d` is a diagnostic as the engine makes one: each field of its type, its paths root-relative. */
function isDiagnostic(d: unknown): d is Diagnostic {
  if (typeof d !== 'object' || d === null) return false;
  const { file, range, severity, code, message, related, fixes, tags } = d as Partial<
    Record<keyof Diagnostic, unknown>
  >;
  return (
    isRootRelative(file) &&
    isRange(range) &&
    (SEVERITIES as readonly unknown[]).includes(severity) &&
    typeof code === 'string' &&
    /^RL\d+$/.test(code) &&
    typeof message === 'string' &&
    Array.isArray(related) &&
    related.every(isRelated) &&
    Array.isArray(fixes) &&
    fixes.every(isFix) &&
    (tags === undefined || (Array.isArray(tags) && tags.every((t) => t === 'unnecessary' || t === 'deprecated')))
  );
}

function isFix(f: unknown): boolean {
  if (typeof f !== 'object' || f === null) return false;
  const { title, edits, createFiles, preferred } = f as Record<string, unknown>;
  const edit = (e: unknown): boolean =>
    typeof e === 'object' &&
    e !== null &&
    isRange((e as Record<string, unknown>)['range']) &&
    typeof (e as Record<string, unknown>)['newText'] === 'string';
  const fileEdits = (e: unknown): boolean =>
    typeof e === 'object' &&
    e !== null &&
    isRootRelative((e as Record<string, unknown>)['file']) &&
    Array.isArray((e as Record<string, unknown>)['edits']) &&
    ((e as Record<string, unknown[]>)['edits'] ?? []).every(edit);
  const created = (c: unknown): boolean =>
    typeof c === 'object' &&
    c !== null &&
    isRootRelative((c as Record<string, unknown>)['file']) &&
    typeof (c as Record<string, unknown>)['text'] === 'string';
  return (
    typeof title === 'string' &&
    Array.isArray(edits) &&
    edits.every(fileEdits) &&
    (createFiles === undefined || (Array.isArray(createFiles) && createFiles.every(created))) &&
    (preferred === undefined || typeof preferred === 'boolean')
  );
}

function isRelated(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const { file, range, message } = r as Record<string, unknown>;
  return isRootRelative(file) && isRange(range) && typeof message === 'string';
}

function isRange(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const { start, end } = r as Record<string, unknown>;
  return isPosition(start) && isPosition(end);
}

function isPosition(p: unknown): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Record<string, unknown>;
  return (
    Number.isSafeInteger(line) && (line as number) >= 0 && Number.isSafeInteger(character) && (character as number) >= 0
  );
}
