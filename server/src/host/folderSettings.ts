// Maps the `registryLens.*` and `files.exclude` settings of a folder (from the editor, or from
// .vscode/settings.json for the CLI) to the engine's Settings plus the exclusion globs the scanner
// uses. User settings are untrusted JSON: anything of the wrong shape is dropped, defaults apply; a
// path that leaves the folder is dropped too (the engine's rule), with a warning for the front end to show.
import { pathsLeavingRoot, type PathOutsideRoot } from '../engine/settings';
import type { ApcoreRootSetting, Code, Settings, Severity } from '../engine/types';
import { displayPath } from './containment';
import { DEFAULT_MAX_BYTES } from './readText';

export interface FolderSettings {
  engine: Partial<Settings>;
  /** Globs (root-relative) of files and directories never read. */
  exclude: string[];
  /** Files (on disk or open) larger than this are not analysed, with a diagnostic. */
  maxFileBytes: number;
  /** Why some of the settings are ignored (paths leaving the folder), for the user's eyes. */
  warnings: string[];
}

/** The name a user gives each engine setting that names paths. */
export const PATH_SETTING_NAMES: Record<PathOutsideRoot['setting'], string> = {
  coreFiles: 'registryLens.core.files', coreYamlFiles: 'registryLens.core.yamlFiles', workspacesRoots: 'registryLens.workspaces.roots',
  componentDirs: 'registryLens.components.dirs', apcoreRoots: 'registryLens.apcore.roots', apcoreIdMap: 'registryLens.apcore.idMap',
};

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

export function toFolderSettings(lens: unknown, filesExclude: unknown): FolderSettings {
  const s = record(lens);
  const engine: Partial<Settings> = {
    coreFiles: strings(record(s['core'])['files']),
    coreYamlFiles: strings(record(s['core'])['yamlFiles']),
    workspacesRoots: strings(record(s['workspaces'])['roots']),
    sagemakerStepTypes: strings(s['sagemakerStepTypes']),
    checkAllComponents: s['checkAllComponents'] === true,
    abstractSteps: strings(s['abstractSteps']),
    componentDirs: record(record(s['components'])['dirs']) as Settings['componentDirs'],
    severity: severities(record(record(s['diagnostics'])['severity'])),
  };
  const mode = record(s['resolution'])['mode'];
  if (mode === 'isolated' || mode === 'hybrid') engine.mode = mode;
  const apcore = record(s['apcore']);
  if (Array.isArray(apcore['roots'])) engine.apcoreRoots = apcore['roots'].filter(isRootSetting);
  if (typeof apcore['idMap'] === 'string' && apcore['idMap'] !== '') engine.apcoreIdMap = apcore['idMap'];
  const pins = Object.entries(record(record(s['onex'])['pins'])).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (pins.length > 0) engine.onexPins = Object.fromEntries(pins);
  const fromFiles = Object.entries(record(filesExclude)).filter(([, on]) => on === true).map(([glob]) => glob);
  const mb = s['maxFileSizeMB'];
  const maxFileBytes = typeof mb === 'number' && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_BYTES;
  const warnings = pathsLeavingRoot(engine).map(({ setting, value }) =>
    `${PATH_SETTING_NAMES[setting]}: ignoring ${displayPath(value)}, which leaves the workspace folder (give paths relative to it, never above it)`);
  return { engine, exclude: [...fromFiles, ...(strings(s['exclude']) ?? [])], maxFileBytes, warnings };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : {};
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function isRootSetting(v: unknown): v is ApcoreRootSetting {
  if (typeof v === 'string') return true;
  const r = record(v);
  return typeof r['path'] === 'string' && (r['namespace'] === undefined || typeof r['namespace'] === 'string');
}

function severities(v: Record<string, unknown>): Partial<Record<Code, Severity | 'off'>> {
  const out: Partial<Record<Code, Severity | 'off'>> = {};
  for (const [code, level] of Object.entries(v)) {
    const key = code.toUpperCase();
    if (/^RL\d{3}$/.test(key) && typeof level === 'string' && LEVELS.has(level)) out[key as Code] = level as Severity | 'off';
  }
  return out;
}
