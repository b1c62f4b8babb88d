// Builds an analysed engine for a directory: the CLI's file I/O (tree-sitter wasm, settings, registry
// sources), using the language server's scanner and reader so both front ends see the same files.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import { RegistryEngine } from '../engine/engine';
import type { ResolutionMode } from '../engine/types';
import { feedEngine } from '../host/feedEngine';
import { rereader } from '../host/readText';
import { readSettings } from './readSettings';
import { UsageError } from './usage';

export interface LoadedRoot { engine: RegistryEngine; ms: number }

/** `mode` (the --mode flag) overrides the root's `registryLens.resolution.mode` setting. */
export async function loadRoot(root: string, mode: ResolutionMode | undefined, warn: (message: string) => void): Promise<LoadedRoot> {
  const start = performance.now();
  const dir = resolve(root);
  if (!isDirectory(dir)) throw new UsageError(`${root}: not a directory`);
  const folder = readSettings(dir, warn);
  const engine = await RegistryEngine.create({
    treeSitter: readFileSync(join(__dirname, 'web-tree-sitter.wasm')),
    python: readFileSync(join(__dirname, 'tree-sitter-python.wasm')),
  }, mode === undefined ? folder.engine : { ...folder.engine, mode }, { reread: rereader(dir, () => folder.maxFileBytes) });
  const excluded = picomatch(folder.exclude, { dot: true });
  await feedEngine(engine, dir, { excluded: (rel) => excluded(rel), warn, maxFileBytes: folder.maxFileBytes });
  return { engine, ms: Math.round(performance.now() - start) };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
