// Maps the `registryLens.*` and `files.exclude` settings of a folder (from the editor, or from
// .vscode/settings.json for the CLI) to the engine's Settings plus the exclusion globs the scanner
// uses. User settings are untrusted JSON: copied as data first (no prototypes, bounded nesting:
// engine/util/configData.ts), anything of the wrong shape is dropped, defaults apply; a path that leaves
// the folder is dropped too (the engine's rule), with a warning for the front end to show.
import { declarations, globsRefused, pathsLeavingRoot, record, stringList } from '../engine/settings';
import { compileGlobs } from '../engine/util/globs';
import { configData, droppedWarning, noneDropped, type DataDropped } from '../engine/util/configData';
import { SETTING_GROUPS } from '../engine/engine';
import type { Code, SettingsInput, Severity } from '../engine/types';
import { isAbsolute } from 'node:path';
import { displayPath } from './containment';
import { DEFAULT_MAX_BYTES } from './readText';

export interface FolderSettings {
  engine: SettingsInput;
  /** Globs (root-relative) of files and directories never read. */
  exclude: string[];
  /** Files (on disk or open) larger than this are not analysed, with a diagnostic. */
  maxFileBytes: number;
  /** Why some of the settings are ignored (paths leaving the folder), for the user's eyes. */
  warnings: string[];
  /** The language server's diagnostics cache (lsp/diagnosticCache.ts): on or off, its folder (null: the default). */
  cache: { enabled: boolean; location: string | null };
  /**
   * The project's Python environment as the editor's machine-scoped setting `registryLens.python.environment` names it
   * (lsp/settings.ts); never read from a folder's settings file, which a cloned repository brings.
   */
  pythonEnvironment?: string;
}

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/**
 * The folder's settings from the `registryLens` section and `files.exclude` read from `source` (named in
 * warnings), with what the reading of that source already `dropped`.
 */
export function toFolderSettings(
  rawLens: unknown,
  rawExclude: unknown,
  source = 'settings',
  dropped: DataDropped = noneDropped(),
): FolderSettings {
  const lens = configData(rawLens, dropped, 'registryLens');
  const filesExclude = configData(rawExclude, dropped, 'files.exclude');
  const s = record(lens);
  // Each family's settings at the key it declares (resolved, and judged, by the engine).
  const engine: Record<string, unknown> = { severity: severities(record(record(s['diagnostics'])['severity'])) };
  for (const group of SETTING_GROUPS) {
    for (const [name, decl] of declarations(group)) {
      const v = decl.key.split('.').reduce<unknown>((at, part) => record(at)[part], s);
      if (v !== undefined) engine[name] = v;
    }
  }
  const fromFiles = Object.entries(record(filesExclude))
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  const mb = s['maxFileSizeMB'];
  const maxFileBytes =
    typeof mb === 'number' && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_BYTES;
  const warnings = pathsLeavingRoot(SETTING_GROUPS, engine).map(
    ({ key, value }) =>
      `registryLens.${key}: ignoring ${displayPath(value)}, which leaves the workspace folder ` +
      '(give paths relative to it, never above it)',
  );
  const cacheSection = record(s['cache']);
  const location = cacheSection['location'];
  const cache = {
    enabled: cacheSection['enabled'] === true,
    location: typeof location === 'string' && isAbsolute(location) ? location : null,
  };
  if (typeof location === 'string' && location !== '' && cache.location === null)
    warnings.push(`registryLens.cache.location: ignoring ${displayPath(location)}, which is not an absolute path`);
  const unsafe = droppedWarning(source, dropped);
  if (unsafe !== null) warnings.unshift(unsafe);
  const exclude = [...fromFiles, ...(stringList(s['exclude']) ?? [])];
  const refused = [
    { key: 'files.exclude and registryLens.exclude', refused: compileGlobs(exclude).refused },
    ...globsRefused(SETTING_GROUPS, engine).map((r) => ({ ...r, key: `registryLens.${r.key}` })),
  ];
  for (const r of refused) {
    const first = r.refused[0];
    if (first === undefined) continue;
    const more = r.refused.length > 1 ? ` and ${r.refused.length - 1} more` : '';
    const glob = JSON.stringify(first.glob.slice(0, 80));
    warnings.push(`${source}: ${r.key}: ignoring the glob ${glob}${more}: ${first.why}`);
  }
  return { engine, exclude, maxFileBytes, warnings, cache };
}

function severities(v: Record<string, unknown>): Partial<Record<Code, Severity | 'off'>> {
  const out: Partial<Record<Code, Severity | 'off'>> = {};
  for (const [code, level] of Object.entries(v)) {
    const key = code.toUpperCase();
    if (/^RL\d{3}$/.test(key) && typeof level === 'string' && LEVELS.has(level))
      out[key as Code] = level as Severity | 'off';
  }
  return out;
}
