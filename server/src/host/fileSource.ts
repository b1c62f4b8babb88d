// A root's files as a host reaches them without the file system: through the editor (the web extension's client
// lists them by walking the folder's directories and reads them with `workspace.fs`, on any URI scheme), and the feed
// of an engine from such a source. The feed answers the engine's interest as the disk feeder's whole-root feed does
// (host/feeder.ts: walk again while the relevance rules move, then the files the analysis refers to, each bounded
// alike), over one listing: a source cannot tell links apart or list what it could not read.
import type { RegistryEngine } from '../engine/engine';
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
export const MAX_WALKS = 3;
/** Rounds of referred files: a longer chain of references is not followed (families follow at most 8 hops). */
export const MAX_WANTED_ROUNDS = 10;

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
  let walked = Number.NaN;
  for (let walk = 0; walk < MAX_WALKS && walked !== engine.interest().walk; walk++) {
    const interest = engine.interest();
    walked = interest.walk;
    const found = narrowWalk(whole, interest);
    engine.setTree({ links: [], directories: found.directories });
    await feed(found.files);
    engine.update();
  }
  for (let round = 0; round < MAX_WANTED_ROUNDS; round++) {
    const wanted = engine.interest().files.filter((rel) => whole.onDisk.has(rel) && !seen.has(rel));
    if (wanted.length === 0) break;
    await feed(wanted);
    engine.update();
  }
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
