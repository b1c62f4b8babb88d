// The cursus family: core and workspace registries, their component modules, the base classes and
// the builder discovery of the cursus in the repository. Its units are the
// core context and each developer workspace (units.ts); its facts are registry sources and
// component classes, which the shared registry model merges.
import type { Read } from '../../../analysis/facts';
import type { StepFacts, StepFamily } from '../../../model/member';
import { stepQueries } from '../../../model/queries';
import {
  coreSourceFromPython,
  coreSourceFromYaml,
  sourceStrings,
  workspaceSource,
  type RegistrySource,
} from '../../../model/entries/source';
import { moduleClasses, parsePythonFacts, type PyFacts } from '../../../python/facts';
import { spliceSource } from '../../../model/entries/splice';
import type { Settings } from '../../../types';
import { STEP_SETTINGS } from '../../../model/settings';
import { parseYamlLit } from '../../../yaml/yamlLit';
import { checkCoreUnit, checkWorkspaceUnit } from './units';
import { cursusClassifier, cursusRegistryGlobs, type CursusLayout, type CursusRole } from './roles';
import { isInterfacesDir, stepPacks } from '../packs/stepPacks';
import { cursusQueries } from './queries';
import { builderDiscovery } from './builderDiscovery';
import { buildStrategies, STRATEGIES_MODULE } from './strategies';
import { legacyAliases } from './legacyAliases';
import { sdkBindings } from './sdkBindings';
import { contextParts } from '../../../model/parts';
import { CURSUS_WORKSPACE, TOOL, WS_REGISTRY_SUFFIX } from './workspacePaths';
import { builderStub, configStub } from './stubs';

export type CursusFacts = StepFacts;

export const cursus: StepFamily<CursusRole, CursusFacts, CursusLayout> = {
  name: 'cursus',
  // The shared step model's settings: where cursus's registries and workspaces are, and what its checks know.
  settings: STEP_SETTINGS,
  examples: [{ dir: 'demo-workspace' }, { dir: 'hybrid-workspace', everyLevel: true }],
  paths: {
    names: ['*.py', '*.yaml', '*.yml'],
    languages: ['python', 'yaml'],
    markers: [
      '**/registry/step_names.py',
      '**/registry/step_names_original.py',
      '**/registry/step_names.yaml',
      '**/workspace_registry.py',
    ],
  },
  // Workspace registries are cursus's; its components are listed by scope with their kind and folder.
  step: {
    workspaceRegistries: true,
    tool: TOOL,
    workspace: CURSUS_WORKSPACE,
    stubs: { builder: builderStub, config: configStub },
    // What `list` shows of a step besides its source: its registry's SageMaker step type, builder and config class.
    listColumns: [
      { key: 'sagemakerStepType', header: 'SAGEMAKER TYPE', field: 'sagemaker_step_type' },
      { key: 'builder', header: 'BUILDER', field: 'builder_step_name', description: 'builder class name' },
      { key: 'config', header: 'CONFIG', field: 'config_class', description: 'config class name' },
    ],
    component: (role) => (role.role === 'component' ? role : null),
    lists: { bases: 'bases', builderDiscovery: 'builder-discovery' },
  },
  // Step packs' configs and scripts are components: where packs are takes the host's directories and files.
  layout: (reads) => ({ packs: stepPacks(reads) }),
  wantsDirectory: isInterfacesDir,
  relevance: (layout) => layout.packs.join('\n'),
  classifier: ({ settings, layout }) => cursusClassifier(settings, layout),
  registryGlobs: ({ settings }) => cursusRegistryGlobs(settings),
  indexKey: (role) => {
    if (role.role === 'ws-registry') return `ws:${role.wsDir}`;
    if (role.role === 'component') return `component:${role.wsDir ?? ''}`;
    if (role.role === 'base') return 'bases';
    // The step catalog's module is listed with its builder discovery module (files.ts reads each's facts).
    if (role.role === 'builder-discovery' || role.role === 'step-catalog' || role.role === 'sdk-bindings') {
      return 'builder-discovery';
    }
    return 'core';
  },
  read(path, role, text, settings, previous): Read<CursusFacts> {
    if (role.role === 'core-yaml') return withLocal(coreSourceFromYaml(path, parseYamlLit(text), settings));
    if (role.role === 'ws-registry') {
      // Read whole (25 entries: under a millisecond); its text can go (`factsKeep`).
      return withLocal(readRegistry(path, role, parsePythonFacts(text, path), settings));
    }
    if (role.role === 'core-py') {
      // An edit inside one variable's dict is read from the entries it touched (model/splice.ts), else the file whole.
      const rebuild = (facts: PyFacts): RegistrySource => readRegistry(path, role, facts, settings);
      const spliced =
        previous?.text !== undefined && previous.facts.source
          ? spliceSource(previous.text, previous.facts.source, text, settings, rebuild)
          : null;
      return withLocal(spliced ?? rebuild(parsePythonFacts(text, path)));
    }
    if (role.role === 'step-catalog') return { facts: { aliases: legacyAliases(path, text) } };
    if (role.role === 'sdk-bindings') return { facts: { sdkSteps: sdkBindings(path, parsePythonFacts(text, path)) } };
    // A component is never an apcore module (the first family to claim a path reads it): its classes need no
    // docstrings.
    const py = moduleClasses(text, path, true);
    if (role.role === 'builder-discovery') return { facts: { builders: builderDiscovery(path, py) } };
    const strategies = role.role === 'base' && STRATEGIES_MODULE.test(path) ? buildStrategies(path, text) : null;
    if (strategies) return { facts: { py, strategies } };
    return { facts: { py } };
  },
  // A component or base module's facts are its classes, which `moduleClasses` copies (the discovery
  // module's, what its methods say); a workspace registry's are its source, whose strings the core
  // copies. None of these texts is needed once read.
  // A base module's build strategies are cut from its text by a pattern: copied out like a registry's strings.
  factsKeep: (role) => {
    if (['ws-registry', 'base', 'step-catalog', 'sdk-bindings'].includes(role.role)) return 'strings';
    return role.role === 'core-py' || role.role === 'core-yaml' ? undefined : 'nothing';
  },
  stringsOf: (facts, each) => {
    if (facts.source) sourceStrings(facts.source, each);
    if (facts.sdkSteps) facts.sdkSteps = { file: each(facts.sdkSteps.file), steps: facts.sdkSteps.steps.map(each) };
    if (facts.aliases) facts.aliases = { file: each(facts.aliases.file), names: facts.aliases.names.map(each) };
    if (facts.strategies) {
      const s = facts.strategies;
      facts.strategies = {
        file: each(s.file),
        stepTypes: s.stepTypes.map(each),
        stepAssemblies: s.stepAssemblies.map(each),
      };
    }
  },
  // Registries are read by every context; a component belongs to its workspace, or to core. The core
  // unit reports on core's entries, whose files lie outside every workspace.
  parts: contextParts(
    (role) => (role.role === 'component' ? 'context' : 'shared'),
    (key) => key === 'core',
    [WS_REGISTRY_SUFFIX],
  ),
  unitKeys: (q) => [
    'core',
    ...stepQueries(q.files)
      .model.contextDirsQ('')
      .map((d) => `ws:${d}`),
  ],
  unit(key, q) {
    const { model } = stepQueries(q.files);
    if (key === 'core') {
      const entries = cursusQueries(q);
      return checkCoreUnit(model, q.files.settings(), (name) => entries.coreEntryQ(name));
    }
    const ws = model.workspace(key.slice('ws:'.length));
    return ws ? checkWorkspaceUnit(model, ws, q.files.settings()) : [];
  },
};

function readRegistry(path: string, role: CursusRole, facts: PyFacts, settings: Settings): RegistrySource {
  return role.role === 'ws-registry'
    ? workspaceSource(path, role.wsDir, facts, settings, TOOL)
    : coreSourceFromPython(path, facts, settings);
}

/** A registry's facts: its source, and the source's diagnostics as the file's own. */
function withLocal(source: RegistrySource): Read<CursusFacts> {
  return { facts: { source }, local: source.diagnostics };
}
