// Opens a directory for the front ends that analyse a root from disk — the CLI once, the MCP server
// call after call: its settings, an engine given the tree-sitter wasm beside the bundle and a way
// back to the texts it lets go, then every file it wants fed.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { RegistryEngine } from '../engine/engine';
import type { ResolutionMode } from '../engine/types';
import { feedEngine, type FeedOptions, type FeedState } from './feedEngine';
import type { FolderSettings } from './folderSettings';
import { rereader } from './readText';
import { readSettings } from './readSettings';

export interface OpenedRoot {
  engine: RegistryEngine;
  folder: FolderSettings;
  /** How to feed the engine from this root again (settings unchanged). */
  feed: FeedOptions;
}

/** `dir` is an absolute directory; `mode` (the CLI's --mode) overrides the root's `registryLens.resolution.mode`. */
export async function openRoot(dir: string, mode: ResolutionMode | undefined, warn: (message: string) => void, state?: FeedState): Promise<OpenedRoot> {
  const folder = readSettings(dir, warn);
  const engine = await RegistryEngine.create({
    treeSitter: readFileSync(join(__dirname, 'web-tree-sitter.wasm')),
    python: readFileSync(join(__dirname, 'tree-sitter-python.wasm')),
  }, mode === undefined ? folder.engine : { ...folder.engine, mode }, { reread: rereader(dir, () => folder.maxFileBytes) });
  const feed = feedOptions(folder, warn);
  await feedEngine(engine, dir, feed, state);
  return { engine, folder, feed };
}

/** The feed options a root's settings give (excluded globs, size limit). */
export function feedOptions(folder: FolderSettings, warn: (message: string) => void): FeedOptions {
  const excluded = picomatch(folder.exclude, { dot: true });
  return { excluded: (rel) => excluded(rel), warn, maxFileBytes: folder.maxFileBytes };
}

/** Whether `path` is a directory (following links, as a root given on the command line may be one). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
