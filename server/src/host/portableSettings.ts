// Maps the `registryLens.*` and `files.exclude` settings of a folder to the engine's Settings, the exclusion globs and
// the size limit of reads: the part of a folder's settings that needs no disk, so that the web server (no Node) maps
// them as the Node server and the CLI do (folderSettings.ts adds the desktop's own). User settings are untrusted JSON:
// copied as data first (no prototypes, bounded nesting: engine/util/configData.ts), anything of the wrong shape is
// dropped, defaults apply; a path that leaves the folder is dropped too (the engine's rule), with a warning for the
// front end to show.
import { declarations, globsRefused, pathsLeavingRoot, record, stringList } from '../engine/settings';
import { compileGlobs } from '../engine/util/globs';
import { configData, droppedWarning, noneDropped, type DataDropped } from '../engine/util/configData';
import { SETTING_GROUPS } from '../engine/engine';
import type { Code, SettingsInput, Severity } from '../engine/types';
import { displayPath } from './displayPath';
import { DEFAULT_MAX_BYTES } from './textPolicy';

export interface PortableSettings {
  engine: SettingsInput;
  /** Globs (root-relative) of files and directories never read. */
  exclude: string[];
  /** Files (on disk or open) larger than this are not analysed, with a diagnostic. */
  maxFileBytes: number;
  /** Why some of the settings are ignored (paths leaving the folder), for the user's eyes. */
  warnings: string[];
}

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/**
 * The folder's settings from the `registryLens` section and `files.exclude` read from `source` (named in warnings),
 * with what the reading of that source already `dropped`. `more` judges the caller's own settings in the section
 * (copied as data) and says its warnings, after those of paths and before those of globs.
 */
export function portableSettings(
  rawLens: unknown,
  rawExclude: unknown,
  source = 'settings',
  dropped: DataDropped = noneDropped(),
  more: (s: Record<string, unknown>) => string[] = () => [],
): PortableSettings {
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
  warnings.push(...more(s));
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
  return { engine, exclude, maxFileBytes, warnings };
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
