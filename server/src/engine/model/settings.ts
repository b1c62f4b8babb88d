// The settings of the shared step model (declared by the cursus family, read by every member): where
// core registries and developer workspaces are, how names resolve across them, and what the checks know.
import type { ResolutionMode } from '../types';
import { insideRoot, normalDir, record, settingsGroup, stringList, listLeavingRoot } from '../settings';

export const DEFAULT_SAGEMAKER_STEP_TYPES = [
  'Processing',
  'Training',
  'Transform',
  'CreateModel',
  'RegisterModel',
  'Base',
  'Utility',
  'Lambda',
  'CradleDataLoading',
  'MimsModelRegistrationProcessing',
  'RedshiftDataLoading',
  'Tuning',
];

/** cursus's own abstract rows (`mcp/tools/author.py` `_ABSTRACT`, `builder_discovery._synthesize_builder()`). */
export const DEFAULT_ABSTRACT_STEPS = ['Base', 'Processing', 'HyperparameterPrep'];

const DEFAULT_CORE_FILES = [
  '**/registry/step_names.py',
  '**/registry/step_names_original.py',
  '**/steps/registry/step_names.py',
];
const DEFAULT_CORE_YAML_FILES = ['**/registry/step_names.yaml'];
const DEFAULT_WORKSPACES_ROOTS = ['developer_workspaces/developers'];

const KINDS = ['builder', 'config', 'spec', 'contract', 'script'] as const;
export type ComponentDirs = Partial<Record<(typeof KINDS)[number], string[]>>;

export interface StepSettings {
  /** Globs (root-relative) of core registry Python files. */
  coreFiles: string[];
  /** Globs of core registry YAML files. */
  coreYamlFiles: string[];
  /** Directories (root-relative) whose direct subdirectories are developer workspaces. */
  workspacesRoots: string[];
  mode: ResolutionMode;
  sagemakerStepTypes: string[];
  checkAllComponents: boolean;
  /**
   * Steps cursus itself treats as abstract (no builder or config class of their own): no RL005/RL006, no RL012 suffix
   * hints.
   */
  abstractSteps: string[];
  /**
   * Extra component directories per kind (root-relative globs of directories), for layouts such as a flat
   * `pipeline_steps/`.
   */
  componentDirs: ComponentDirs;
}

/** A list of globs: empty, unset, or with every glob leaving the root, it is its default. */
function globs(key: string, defaults: string[]) {
  return {
    key,
    default: defaults,
    globs: (raw: unknown): string[] => stringList(raw) ?? [],
    resolve: (raw: unknown): string[] => {
      const kept = insideRoot(stringList(raw) ?? []);
      return kept.length === 0 ? defaults : kept;
    },
    leaving: listLeavingRoot,
  };
}

/** The kinds of component directories of the user's, each a list of non-empty strings. */
function componentDirs(v: unknown): ComponentDirs {
  const out: ComponentDirs = {};
  for (const k of KINDS) {
    const dirs = record(v)[k];
    if (Array.isArray(dirs)) out[k] = dirs.filter((d): d is string => typeof d === 'string' && d !== '');
  }
  return out;
}

export const STEP_SETTINGS = settingsGroup<StepSettings>({
  coreFiles: globs('core.files', DEFAULT_CORE_FILES),
  coreYamlFiles: globs('core.yamlFiles', DEFAULT_CORE_YAML_FILES),
  workspacesRoots: {
    key: 'workspaces.roots',
    default: DEFAULT_WORKSPACES_ROOTS,
    // An empty list means no workspaces; one whose every root leaves the folder is as if unset.
    resolve: (raw) => {
      const given = stringList(raw) ?? DEFAULT_WORKSPACES_ROOTS;
      const roots = insideRoot(given).map(normalDir);
      return roots.length === 0 && given.length > 0 ? DEFAULT_WORKSPACES_ROOTS : roots;
    },
    leaving: listLeavingRoot,
  },
  mode: { key: 'resolution.mode', default: 'isolated', resolve: (raw) => (raw === 'hybrid' ? 'hybrid' : 'isolated') },
  sagemakerStepTypes: {
    key: 'sagemakerStepTypes',
    default: DEFAULT_SAGEMAKER_STEP_TYPES,
    resolve: (raw) => {
      const l = stringList(raw);
      return l === undefined || l.length === 0 ? DEFAULT_SAGEMAKER_STEP_TYPES : l;
    },
  },
  checkAllComponents: { key: 'checkAllComponents', default: false, resolve: (raw) => raw === true },
  abstractSteps: {
    key: 'abstractSteps',
    default: DEFAULT_ABSTRACT_STEPS,
    resolve: (raw) => stringList(raw) ?? DEFAULT_ABSTRACT_STEPS,
  },
  componentDirs: {
    key: 'components.dirs',
    default: {},
    resolve: (raw) =>
      Object.fromEntries(Object.entries(componentDirs(raw)).map(([k, dirs]) => [k, insideRoot(dirs).map(normalDir)])),
    leaving: (raw) => listLeavingRoot(Object.values(componentDirs(raw)).flat()),
    globs: (raw) => Object.values(componentDirs(raw)).flat(),
  },
});
