// A root's files as a host reaches them without the file system: through the editor (the web extension's client
// lists them by walking the folder's directories and reads them with `workspace.fs`, on any URI scheme), the feed of
// an engine from such a source, and the rounds every whole-root feed takes (`feedRounds`: the disk feeder's too), so
// both answer the engine's interest alike; a source cannot tell links apart or list what it could not read.
import type { HostInterest, RegistryEngine } from '../engine/engine';
import { listedWalk, narrowWalk } from './listedWalk';

/** What a source read of one file: its text, why it was not read (too large, binary), or null (gone, unreadable). */
export type SourceRead = { readonly text: string } | { readonly skipped: string } | null;

export interface FileSource {
  /** Every file of the root, root-relative POSIX paths (what the host excludes is left out). */
  list(): Promise<readonly string[]>;
  /** The files' contents, in the order asked. */
  read(paths: readonly string[]): Promise<readonly SourceRead[]>;
}

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
 * Feeds `engine` every file of `source` it wants, analysing after each pass. A file the source skipped gets the
 * engine's diagnostic saying why; `warn` hears it too. Returns the Python environments the listing holds (library
 * code, not fed: host/pythonLibrary.ts `inListedEnvironment`).
 */
export async function feedSource(
  engine: RegistryEngine,
  source: FileSource,
  warn: (message: string) => void,
): Promise<ReadonlySet<string>> {
  const whole = listedWalk(await source.list());
  const environments = new Set(whole.environments);
  const seen = new Set<string>();
  const feed = async (files: readonly string[]): Promise<void> => {
    const fresh = files.filter((rel) => !seen.has(rel));
    const reads = await source.read(fresh);
    fresh.forEach((rel, i) => {
      seen.add(rel);
      const read = reads[i] ?? null;
      if (read !== null && 'skipped' in read) warn(`skipped ${rel}: ${read.skipped}`);
      give(engine, rel, read);
    });
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
      engine.update();
      return Promise.resolve();
    },
  });
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
