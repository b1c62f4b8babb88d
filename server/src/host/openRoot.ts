// Opens a directory for the front ends that analyse a root from disk — the CLI once, the MCP server
// call after call: its settings, an engine given the tree-sitter wasm beside the bundle and a way
// back to the texts it lets go, then every file it wants fed.
import { installedVersions } from './frameworkReport';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryEngine } from '../engine/engine';
import { compileGlobs } from '../engine/util/globs';
import type { Code, ResolutionMode, SettingsInput } from '../engine/types';
import { Feeder, type FeedExtras, type FeedOptions } from './feeder';
import type { FolderSettings } from './folderSettings';
import { frameworkLibrary, rereadIn, type Library } from './frameworkLibrary';
import { linkedOutEnvironment, searchedEnvironment, type PythonEnvironment } from './pythonEnv';
import { readSettings } from './readSettings';

export interface OpenedRoot {
  engine: RegistryEngine;
  folder: FolderSettings;
  /** What feeds the engine from this root, again on demand (settings unchanged). */
  feeder: Feeder;
  /** What the root was opened with (withOverrides restores it). */
  overrides: RootOverrides;
}

/**
 * What the disk front ends (the CLI's check, the MCP server) leave out unless asked: unused suppression
 * comments (RL033), as ESLint's --report-unused-disable-directives; the editor reports them.
 */
export const OFF_UNLESS_ASKED: readonly Code[] = ['RL033'];

/**
 * What the CLI's flags change in a root's settings: `mode` (--mode) overrides `registryLens.resolution.mode`,
 * `off` turns codes off whatever the settings say (RL033, unused suppressions, without --report-unused-suppressions).
 */
export interface RootOverrides {
  mode?: ResolutionMode | undefined;
  off?: readonly Code[];
  /** The project's Python environment (host/pythonEnv.ts): its frameworks are fed as library code. */
  environment?: PythonEnvironment | null;
}

/** The engine settings of a root's folder settings with the overrides applied. */
function rootSettings(folder: FolderSettings, overrides: RootOverrides): SettingsInput {
  const off = overrides.off ?? [];
  return {
    ...folder.engine,
    ...(overrides.mode === undefined ? {} : { mode: overrides.mode }),
    ...(off.length === 0
      ? {}
      : { severity: { ...folder.engine.severity, ...Object.fromEntries(off.map((c) => [c, 'off' as const])) } }),
  };
}

/**
 * `work` on the opened root's engine under other overrides (a call's --mode or --report-unused-suppressions),
 * then the engine configured back as it was opened; both changes are analysed incrementally.
 */
export function withOverrides<T>(root: OpenedRoot, overrides: RootOverrides, work: (engine: RegistryEngine) => T): T {
  // The settings the root was opened with: nothing to change (a reconfigured engine re-reads every file, twice).
  if (sameOverrides(overrides, root.overrides)) return work(root.engine);
  root.engine.configure(rootSettings(root.folder, overrides));
  root.engine.update();
  try {
    return work(root.engine);
  } finally {
    root.engine.configure(rootSettings(root.folder, root.overrides));
    root.engine.update();
  }
}

function sameOverrides(a: RootOverrides, b: RootOverrides): boolean {
  const off = (o: RootOverrides): string => [...(o.off ?? [])].sort().join();
  return a.mode === b.mode && off(a) === off(b);
}

/**
 * `dir` is an absolute directory; `stamps`: it is fed again later (see Feeder.wholeRoot); `given.folder`: its settings
 * already read; `given.feed`: what the first feed is given (host/checkCache.ts).
 */
export async function openRoot(
  dir: string,
  overrides: RootOverrides,
  warn: (message: string) => void,
  stamps = false,
  given: { folder?: FolderSettings; feed?: FeedExtras } = {},
): Promise<OpenedRoot> {
  const folder = given.folder ?? readSettings(dir, warn);
  const settings = rootSettings(folder, overrides);
  const library = frameworkLibrary(dir, overrides.environment ?? null);
  const engine = await RegistryEngine.create(
    {
      treeSitter: readFileSync(join(__dirname, 'web-tree-sitter.wasm')),
      python: readFileSync(join(__dirname, 'tree-sitter-python.wasm')),
    },
    settings,
    { reread: rereadIn(dir, library, () => folder.maxFileBytes) },
  );
  const options = {
    ...feedOptions(folder, warn, library),
    installed: installedVersions(overrides.environment ?? null),
    unusedEnvironment: linkedOutEnvironment(dir, overrides.environment ?? null),
    ...(overrides.environment !== undefined
      ? { searchedEnvironment: searchedEnvironment(dir, overrides.environment) }
      : {}),
  };
  const feeder = Feeder.wholeRoot(engine, dir, options, stamps ? Date.now : undefined);
  await feeder.feedRoot(given.feed);
  return { engine, folder, feeder, overrides };
}

/** The feed options a root's settings give (excluded globs, size limit), with the frameworks installed for it. */
export function feedOptions(folder: FolderSettings, warn: (message: string) => void, library?: Library): FeedOptions {
  const excluded = compileGlobs(folder.exclude).matches;
  return { excluded, warn, maxFileBytes: folder.maxFileBytes, ...(library ? { library } : {}) };
}

/** Whether `path` is a directory (following links, as a root given on the command line may be one). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
