// Defaults of every setting (SPEC §1–§4), so that front ends only pass what the user changed; and the
// lexical half of the containment rule for settings that name paths: one that leaves the folder is
// ignored here, and the front ends warn (pathsLeavingRoot), so a cloned repository's settings can never
// point the analysis or a new workspace outside it.
import type { Settings } from './types';
import { joinRel } from './util/paths';

export const DEFAULT_SAGEMAKER_STEP_TYPES = [
  'Processing', 'Training', 'Transform', 'CreateModel', 'RegisterModel', 'Base', 'Utility', 'Lambda',
  'CradleDataLoading', 'MimsModelRegistrationProcessing', 'RedshiftDataLoading', 'Tuning',
];

/** cursus's own abstract rows (`mcp/tools/author.py` `_ABSTRACT`, `builder_discovery._synthesize_builder()`). */
export const DEFAULT_ABSTRACT_STEPS = ['Base', 'Processing', 'HyperparameterPrep'];

export const DEFAULT_SETTINGS: Settings = {
  coreFiles: ['**/registry/step_names.py', '**/registry/step_names_original.py', '**/steps/registry/step_names.py'],
  coreYamlFiles: ['**/registry/step_names.yaml'],
  workspacesRoots: ['developer_workspaces/developers'],
  mode: 'isolated',
  sagemakerStepTypes: DEFAULT_SAGEMAKER_STEP_TYPES,
  checkAllComponents: false,
  abstractSteps: DEFAULT_ABSTRACT_STEPS,
  componentDirs: {},
  severity: {},
  apcoreRoots: [],
  apcoreIdMap: null,
  onexPins: {},
};

/** Fills every missing setting with its default; empty lists fall back to the defaults too, as do lists whose every path leaves the root. */
export function resolveSettings(partial: Partial<Settings>): Settings {
  const pick = <K extends keyof Settings>(k: K): Settings[K] => {
    const v = partial[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0 && k !== 'workspacesRoots')) return DEFAULT_SETTINGS[k];
    return v;
  };
  const roots = insideRoot(pick('workspacesRoots')).map(normalDir);
  const idMap = typeof partial.apcoreIdMap === 'string' && partial.apcoreIdMap !== '' ? normalDir(partial.apcoreIdMap) : '';
  return {
    coreFiles: orDefault(insideRoot(pick('coreFiles')), 'coreFiles'),
    coreYamlFiles: orDefault(insideRoot(pick('coreYamlFiles')), 'coreYamlFiles'),
    workspacesRoots: roots.length === 0 && pick('workspacesRoots').length > 0 ? DEFAULT_SETTINGS.workspacesRoots : roots,
    mode: partial.mode === 'hybrid' ? 'hybrid' : 'isolated',
    sagemakerStepTypes: pick('sagemakerStepTypes'),
    checkAllComponents: partial.checkAllComponents === true,
    abstractSteps: Array.isArray(partial.abstractSteps) ? partial.abstractSteps : DEFAULT_ABSTRACT_STEPS,
    componentDirs: Object.fromEntries(Object.entries(componentDirs(partial.componentDirs)).map(([k, dirs]) => [k, insideRoot(dirs).map(normalDir)])),
    severity: { ...(partial.severity ?? {}) },
    apcoreRoots: apcoreRoots(partial.apcoreRoots).filter((r) => !leavesRoot(typeof r === 'string' ? r : r.path)),
    apcoreIdMap: idMap === '' ? null : idMap,
    onexPins: Object.fromEntries(Object.entries(partial.onexPins ?? {}).filter(([, v]) => typeof v === 'string')),
  };
}

/** A path or glob of a setting that leaves the root: absolute (the engine knows no disk), or climbing above it with '..'. */
export function leavesRoot(p: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:)/.test(p) || joinRel('', p) === null;
}

/** A setting's value that leaves the root: ignored by `resolveSettings`; each front end warns with these. */
export interface PathOutsideRoot { setting: 'coreFiles' | 'coreYamlFiles' | 'workspacesRoots' | 'componentDirs' | 'apcoreRoots' | 'apcoreIdMap'; value: string }

/** Every path (or glob) the settings name that `resolveSettings` ignores because it leaves the root. */
export function pathsLeavingRoot(partial: Partial<Settings>): PathOutsideRoot[] {
  const named: [PathOutsideRoot['setting'], unknown][] = [
    ['coreFiles', partial.coreFiles], ['coreYamlFiles', partial.coreYamlFiles], ['workspacesRoots', partial.workspacesRoots],
    ['componentDirs', Object.values(componentDirs(partial.componentDirs)).flat()],
    ['apcoreRoots', apcoreRoots(partial.apcoreRoots).map((r) => (typeof r === 'string' ? r : r.path))],
    ['apcoreIdMap', partial.apcoreIdMap === null ? undefined : partial.apcoreIdMap],
  ];
  return named.flatMap(([setting, v]) => (Array.isArray(v) ? v : [v]).filter((p): p is string => typeof p === 'string' && leavesRoot(p)).map((value) => ({ setting, value })));
}

function insideRoot(paths: string[]): string[] {
  return paths.filter((p) => !leavesRoot(p));
}

/** Lists whose every path left the root are as if unset. */
function orDefault<K extends 'coreFiles' | 'coreYamlFiles'>(kept: string[], k: K): string[] {
  return kept.length === 0 ? DEFAULT_SETTINGS[k] : kept;
}

/** A root-relative directory (or glob) inside the root with `.`, `..` and duplicate and trailing slashes resolved. */
function normalDir(p: string): string {
  return joinRel('', p) ?? '';
}

function apcoreRoots(v: Partial<Settings>['apcoreRoots']): Settings['apcoreRoots'] {
  return (v ?? []).filter((r) => typeof r === 'string' || (typeof r === 'object' && r !== null && typeof r.path === 'string'));
}

const KINDS = ['builder', 'config', 'spec', 'contract', 'script'] as const;

function componentDirs(v: unknown): Settings['componentDirs'] {
  const out: Settings['componentDirs'] = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const k of KINDS) {
    const dirs = (v as Record<string, unknown>)[k];
    if (Array.isArray(dirs)) out[k] = dirs.filter((d): d is string => typeof d === 'string' && d !== '');
  }
  return out;
}
