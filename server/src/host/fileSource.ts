// A root's files as a host reaches them without the file system: through the editor (the web extension's client
// lists them by walking the folder's directories and reads them with `workspace.fs`, on any URI scheme), the feed of
// an engine from such a source, and the rounds every whole-root feed takes (`feedRounds`: the disk feeder's too), so
// both answer the engine's interest alike; a source cannot tell links apart or list what it could not read. On a slow
// remote file system the feed goes in order: the open documents (their text is the editor's), the registries (the
// families' registry globs), the rest, each analysed and published before the next is read, its reading told.
import type { HostInterest, RegistryEngine } from '../engine/engine';
import { compileGlobs } from '../engine/util/globs';
import { listedWalk, narrowWalk } from './listedWalk';
import { inSitePackages } from './pythonLibrary';

/** What a source read of one file: its text, why it was not read (too large, binary), or null (gone, unreadable). */
export type SourceRead = { readonly text: string } | { readonly skipped: string } | null;

export interface FileSource {
  /** Every file of the root, root-relative POSIX paths (what the host excludes is left out). */
  list(): Promise<readonly string[]>;
  /** The files' contents, in the order asked. */
  read(paths: readonly string[]): Promise<readonly SourceRead[]>;
}

/** Files asked of the source per read (the reads of a step are asked at once): how finely the reading is told. */
const READ_SLICE = 64;
/** At most this many paths of what is still being read are told. */
const PENDING_TOLD = 8;

/**
 * Where a feed in order stands: listing the root, reading its registries, reading the rest, or done; the files read of
 * those it has to read so far, and some of those still being read.
 */
export interface FeedProgress {
  readonly step: 'listing' | 'registries' | 'rest' | 'done';
  readonly read: number;
  readonly total: number;
  readonly pending: readonly string[];
}

/** What a host that publishes as it reads asks of a feed (the web worker's). */
export interface FeedOrder {
  /** The documents open in the editor: given and analysed before the root is listed (the source answers them). */
  readonly open: readonly string[];
  /** Hears each analysis: the files whose diagnostics changed. */
  readonly analysed: (changed: readonly string[]) => void;
  readonly progress: (progress: FeedProgress) => void;
}

const NO_ORDER: FeedOrder = { open: [], analysed: () => undefined, progress: () => undefined };

/** Walks at most this often: once, and again for each move of the relevance rules (they settle after one). */
const MAX_WALKS = 3;
/** Rounds of referred files: a longer chain of references is not followed (families follow at most 8 hops). */
const MAX_WANTED_ROUNDS = 10;

/** One feed's steps, as its host takes them (the disk feeder's whole-root feed, `feedSource`). */
export interface FeedSteps {
  /** Lists the root for `interest` (the `walk`-th time) and gives the engine its tree: the files to feed. */
  walk(interest: HostInterest, walk: number): Promise<readonly string[]>;
  /** Whether the last walk found `rel` (a file the analysis refers to is fed only then). */
  onDisk(rel: string): boolean;
  /** Whether `rel` was fed in this feed. */
  seen(rel: string): boolean;
  feed(files: readonly string[]): Promise<void>;
  analyse(): Promise<void>;
}

/**
 * The rounds of every feed of a whole root: walk, feed and analyse again while the engine's relevance rules move
 * (apcore.yaml naming other roots), then feed the files the analysis refers to that the walks did not list to read
 * (a module re-exporting a class leads to the next), again while those name more, each bounded.
 */
export async function feedRounds(engine: RegistryEngine, steps: FeedSteps): Promise<void> {
  let walked = Number.NaN;
  for (let walk = 0; walk < MAX_WALKS && walked !== engine.interest().walk; walk++) {
    const interest = engine.interest();
    walked = interest.walk;
    await steps.feed(await steps.walk(interest, walk));
    await steps.analyse();
  }
  for (let round = 0; round < MAX_WANTED_ROUNDS; round++) {
    const wanted = engine.interest().files.filter((rel) => steps.onDisk(rel) && !steps.seen(rel));
    if (wanted.length === 0) return;
    await steps.feed(wanted);
    await steps.analyse();
  }
}

/**
 * Feeds `engine` every file of `source` it wants, analysing after each pass: in `order`, the open documents, then each
 * pass's registry files (`engine.registryGlobs()`), then the rest, each read, analysed and told before the next is
 * read; the end is the feed of all at once (an open document no walk takes leaves the engine again). A file the source
 * skipped gets the engine's diagnostic saying why; `warn` hears it too. Returns the Python environments the listing
 * holds (library code, not fed: host/pythonLibrary.ts `inListedEnvironment`).
 */
export async function feedSource(
  engine: RegistryEngine,
  source: FileSource,
  warn: (message: string) => void,
  order: FeedOrder = NO_ORDER,
): Promise<ReadonlySet<string>> {
  const analyse = (): void => order.analysed(engine.update());
  const take = (rel: string, read: SourceRead): void => {
    if (read !== null && 'skipped' in read) warn(`skipped ${rel}: ${read.skipped}`);
    give(engine, rel, read);
  };
  // The open documents a family reads, as the source gives them (the editor's text): analysed alone first. One in a
  // `site-packages` is library code (the listing cannot have said so yet): it waits for the listing, else its
  // diagnostics would show in library code until the end.
  const interest = engine.interest();
  const early = order.open.filter((rel) => interest.wants(rel) && !inSitePackages(rel));
  const given = new Set(early);
  if (early.length > 0) {
    const reads = await source.read(early);
    early.forEach((rel, i) => take(rel, reads[i] ?? null));
    analyse();
  }
  let read = 0;
  let total = 0;
  const pending = new Set<string>();
  const tell = (step: FeedProgress['step']): void =>
    order.progress({ step, read, total, pending: [...pending].slice(0, PENDING_TOLD) });
  tell('listing');
  const whole = listedWalk(await source.list());
  const environments = new Set(whole.environments);
  const seen = new Set<string>();
  /** Reads `files` in slices, all asked at once, told as each slice comes; gives them in order. */
  const readStep = async (step: 'registries' | 'rest', files: readonly string[]): Promise<void> => {
    if (files.length === 0) return;
    for (const rel of files) pending.add(rel);
    tell(step);
    const slices: string[][] = [];
    for (let i = 0; i < files.length; i += READ_SLICE) slices.push(files.slice(i, i + READ_SLICE));
    const reads = await Promise.all(
      slices.map(async (slice) => {
        const got = await source.read(slice);
        read += slice.length;
        for (const rel of slice) pending.delete(rel);
        tell(step);
        return got;
      }),
    );
    slices.forEach((slice, s) => slice.forEach((rel, i) => take(rel, reads[s]?.[i] ?? null)));
  };
  const feed = async (files: readonly string[]): Promise<void> => {
    const fresh = files.filter((rel) => !seen.has(rel));
    for (const rel of fresh) seen.add(rel);
    // an open document given first is the editor's text still (an edit since gives it again)
    const unread = fresh.filter((rel) => !given.has(rel));
    total += unread.length;
    const registry = compileGlobs(engine.registryGlobs()).matches;
    const registries = unread.filter((rel) => registry(rel));
    const rest = unread.filter((rel) => !registry(rel));
    if (registries.length > 0 && rest.length > 0) {
      await readStep('registries', registries);
      analyse();
    } else rest.unshift(...registries);
    await readStep('rest', rest);
  };
  await feedRounds(engine, {
    walk: (interest) => {
      const found = narrowWalk(whole, interest);
      engine.setTree({ links: [], directories: found.directories });
      return Promise.resolve(found.files);
    },
    onDisk: (rel) => whole.onDisk.has(rel),
    seen: (rel) => seen.has(rel),
    feed,
    analyse: () => {
      analyse();
      return Promise.resolve();
    },
  });
  // What the feed of all at once would not have taken.
  const untaken = early.filter((rel) => !seen.has(rel));
  for (const rel of untaken) engine.deleteFile(rel);
  if (untaken.length > 0) analyse();
  tell('done');
  return environments;
}

/**
 * Gives `engine` what a source read at `rel`: its text (`onDisk`: the file's, not an open document's), why it was
 * skipped, or that there is no such file.
 */
export function give(engine: RegistryEngine, rel: string, read: SourceRead, onDisk = true): void {
  if (read === null) engine.deleteFile(rel);
  else if ('text' in read) engine.setFile(rel, read.text, onDisk);
  else engine.setSkipped(rel, read.skipped);
}
