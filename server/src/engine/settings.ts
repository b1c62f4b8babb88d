// Defaults of every setting (SPEC §1–§4), so that front ends only pass what the user changed.
import type { Settings } from './types';

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

/** Fills every missing setting with its default; empty lists fall back to the defaults too. */
export function resolveSettings(partial: Partial<Settings>): Settings {
  const pick = <K extends keyof Settings>(k: K): Settings[K] => {
    const v = partial[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0 && k !== 'workspacesRoots')) return DEFAULT_SETTINGS[k];
    return v;
  };
  return {
    coreFiles: pick('coreFiles'),
    coreYamlFiles: pick('coreYamlFiles'),
    workspacesRoots: pick('workspacesRoots').map((r) => r.replace(/^\.?\/+|\/+$/g, '')),
    mode: partial.mode === 'hybrid' ? 'hybrid' : 'isolated',
    sagemakerStepTypes: pick('sagemakerStepTypes'),
    checkAllComponents: partial.checkAllComponents === true,
    abstractSteps: Array.isArray(partial.abstractSteps) ? partial.abstractSteps : DEFAULT_ABSTRACT_STEPS,
    componentDirs: componentDirs(partial.componentDirs),
    severity: { ...(partial.severity ?? {}) },
    apcoreRoots: (partial.apcoreRoots ?? []).filter((r) => typeof r === 'string' || (typeof r === 'object' && r !== null && typeof r.path === 'string')),
    apcoreIdMap: typeof partial.apcoreIdMap === 'string' && partial.apcoreIdMap !== '' ? partial.apcoreIdMap : null,
    onexPins: Object.fromEntries(Object.entries(partial.onexPins ?? {}).filter(([, v]) => typeof v === 'string')),
  };
}

const KINDS = ['builder', 'config', 'spec', 'contract', 'script'] as const;

function componentDirs(v: unknown): Settings['componentDirs'] {
  const out: Settings['componentDirs'] = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const k of KINDS) {
    const dirs = (v as Record<string, unknown>)[k];
    if (Array.isArray(dirs)) out[k] = dirs.filter((d): d is string => typeof d === 'string' && d !== '').map((d) => d.replace(/^\.?\/+|\/+$/g, ''));
  }
  return out;
}
