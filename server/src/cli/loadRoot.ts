// Builds an analysed engine for the directory a command names (host/openRoot.ts: the same scanner,
// reader and settings as every front end), refusing a root that is not a directory as a usage error.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RegistryEngine } from '../engine/engine';
import { isDirectory, openRoot, type RootOverrides } from '../host/openRoot';
import { UsageError } from './usage';

export interface LoadedRoot {
  engine: RegistryEngine;
  ms: number;
}

/** `overrides`: what the command's flags change in the root's settings (--mode, RL033 off unless asked for). */
export async function loadRoot(
  root: string,
  overrides: RootOverrides,
  warn: (message: string) => void,
): Promise<LoadedRoot> {
  const start = performance.now();
  const dir = resolve(root);
  if (!isDirectory(dir)) throw new UsageError(`${root}: not a directory`);
  const { engine } = await openRoot(dir, overrides, warn);
  return { engine, ms: Math.round(performance.now() - start) };
}
