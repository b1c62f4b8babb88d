// Feeds an engine everything it needs from a directory, for any front end that reads a whole root at
// once: walks (links and the directories the engine asks about reported), feeds the files its
// `interest()` wants and those to read alongside them, analyses, and walks again while the answer
// moves (apcore.yaml naming other roots), then feeds the files the analysis refers to that the walk
// did not know to read.
import type { HostLink, RegistryEngine } from '../engine/engine';
import { readTexts } from './readText';
import { absolutePaths, listFiles } from './scan';

/** Walks at most this often: once, and again for each move of the relevance rules (they settle after one). */
const MAX_WALKS = 3;

export interface FeedOptions {
  /** Root-relative paths never read. */
  excluded: (rel: string) => boolean;
  warn: (message: string) => void;
  /** The size policy (setting `registryLens.maxFileSizeMB`). */
  maxFileBytes: number;
}

export async function feedEngine(engine: RegistryEngine, root: string, opts: FeedOptions): Promise<void> {
  const onDisk = new Set<string>();
  const fed = new Set<string>();
  const feed = async (files: string[]): Promise<void> => {
    const fresh = files.filter((rel) => !fed.has(rel));
    const reads = await readTexts(absolutePaths(root, fresh), opts.maxFileBytes);
    fresh.forEach((rel, i) => {
      fed.add(rel);
      const read = reads[i];
      if (!read) return;
      if ('text' in read) { engine.setFile(rel, read.text, true); return; }
      opts.warn(`skipped ${rel}: ${read.skipped}`);
      engine.setSkipped(rel, read.skipped);
    });
  };
  let walked = Number.NaN;
  for (let walk = 0; walk < MAX_WALKS && walked !== engine.interest().walk; walk++) {
    const interest = engine.interest();
    walked = interest.walk;
    const links: HostLink[] = [];
    const directories: string[] = [];
    const files = await listFiles(root, {
      skip: opts.excluded,
      accept: (rel) => { onDisk.add(rel); return interest.wants(rel); },
      link: (l) => { links.push(l); },
      directory: (rel) => { if (interest.wantsDirectory(rel)) directories.push(rel); },
      unreadable: (rel, reason) => { opts.warn(`skipped ${rel || '.'}/: ${reason}`); engine.setSkipped(rel || '.', reason); },
    });
    const companions = files.flatMap((rel) => interest.alongside(rel)).filter((rel) => onDisk.has(rel));
    engine.setTree({ links, directories });
    await feed([...new Set([...files, ...companions])].sort());
    engine.update();
  }
  const wanted = engine.interest().files.filter((rel) => onDisk.has(rel) && !fed.has(rel));
  if (wanted.length === 0) return;
  await feed(wanted);
  engine.update();
}
