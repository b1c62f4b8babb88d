// What a path is to the cursus family: a core registry (Python `STEP_NAMES` or YAML), a developer
// workspace's registry, a component module (builder, config, spec, contract, script) of core or of
// a workspace, a module of `core/base/` (the base classes abstract rows name), or the step catalog's
// builder discovery module (how this cursus finds builders). Where developer workspaces live comes from the settings,
// and so do extra component
// directories for layouts without `steps/<kind>/` folders (`registryLens.components.dirs`); where step
// packs are, from the directories and files the host reported (the family's layout).
import type { Settings } from '../../../types';
import { STEP_SETTINGS } from '../../../model/settings';
import type { ComponentKind } from '../../../api';
import { wsDirOf } from '../../../model/entries/workspaceDirs';
import { WS_REGISTRY_SUFFIX, WS_STEPS_DIR } from './workspacePaths';
import { heldDir } from '../../../util/paths';
import { compileGlobs } from '../../../util/globs';
import { packOfComponent } from '../packs/stepPacks';

export type CursusRole =
  | { family: 'cursus'; role: 'core-py' }
  | { family: 'cursus'; role: 'core-yaml' }
  | { family: 'cursus'; role: 'ws-registry'; wsDir: string }
  | { family: 'cursus'; role: 'component'; kind: ComponentKind; wsDir: string | null; dir: string }
  | { family: 'cursus'; role: 'base' }
  | { family: 'cursus'; role: 'builder-discovery' }
  | { family: 'cursus'; role: 'step-catalog' }
  | { family: 'cursus'; role: 'sdk-bindings' };

export const KIND_DIRS: Record<string, ComponentKind> = {
  builders: 'builder',
  configs: 'config',
  specs: 'spec',
  contracts: 'contract',
  scripts: 'script',
};
const CORE_COMPONENT = /^(?:(.*)\/)?steps\/(builders|configs|specs|contracts|scripts)\/(?:.+\/)?[^/]+\.py$/;
/**
 * Where cursus's base classes live (`cursus.core.base.builder_base.StepBuilderBase`), and its builder
 * discovery module: inside the `cursus` package only, so that no other family's file (an apcore
 * module under `extensions/core/base/`) nor cursus's tests' mirror (`tests/core/base/`) is taken.
 */
const BASE_MODULE = /^(?:.*\/)?cursus\/core\/base\/[^/]+\.py$/;
const BUILDER_DISCOVERY = /^(?:.*\/)?cursus\/step_catalog\/builder_discovery\.py$/;
const SDK_BINDINGS = /^(?:.*\/)?cursus\/step_catalog\/sdk_bindings\.py$/;
const STEP_CATALOG = /^(?:.*\/)?cursus\/step_catalog\/step_catalog\.py$/;
const WS_COMPONENT = new RegExp(`^${WS_STEPS_DIR}/(builders|configs|specs|contracts|scripts)/(?:.+/)?[^/]+\\.py$`);

/** The family's layout: every step pack's directory (`cursus/packs/stepPacks.ts`). */
export interface CursusLayout {
  packs: readonly string[];
}

export function cursusClassifier(settings: Settings, layout: CursusLayout): (path: string) => CursusRole | null {
  const own = STEP_SETTINGS.of(settings);
  const packs = new Set(layout.packs);
  const isCorePy = compileGlobs(own.coreFiles).matches;
  const isCoreYaml = compileGlobs(own.coreYamlFiles).matches;
  const configuredComponent = configuredComponents(settings);
  // One role per component folder, shared by its files (22,000 modules of a large org, 2,000 folders).
  const folders = new Map<string, CursusRole>();
  const component = (kind: ComponentKind, wsDir: string | null, folder: string): CursusRole => {
    const dir = heldDir(folder);
    let role = folders.get(dir);
    if (!role) folders.set(dir, (role = { family: 'cursus', role: 'component', kind, wsDir, dir }));
    return role;
  };
  return (path) => {
    const wsDir = wsDirOf(settings, path);
    if (wsDir) {
      const rest = path.slice(wsDir.length + 1);
      if (rest === WS_REGISTRY_SUFFIX) return { family: 'cursus', role: 'ws-registry', wsDir };
      const m = WS_COMPONENT.exec(rest);
      return m?.[1] ? component(KIND_DIRS[m[1]] as ComponentKind, wsDir, `${wsDir}/${WS_STEPS_DIR}/${m[1]}`) : null;
    }
    if (path.endsWith('.py') && isCorePy(path)) return { family: 'cursus', role: 'core-py' };
    if (/\.ya?ml$/.test(path) && isCoreYaml(path)) return { family: 'cursus', role: 'core-yaml' };
    if (BASE_MODULE.test(path)) return BASE;
    if (BUILDER_DISCOVERY.test(path)) return DISCOVERY;
    if (STEP_CATALOG.test(path)) return CATALOG;
    if (SDK_BINDINGS.test(path)) return SDK;
    const m = CORE_COMPONENT.exec(path);
    if (m?.[2]) return component(KIND_DIRS[m[2]] as ComponentKind, null, `${m[1] ? `${m[1]}/` : ''}steps/${m[2]}`);
    // A step pack's configs and scripts (cursus ≥ 2.8): the compiler registers the pack with the package
    // (`core/compiler/dag_compiler.py` `_derive_step_pack_dir()`), so they serve core's steps; the step
    // catalog scans only these two kinds in a pack.
    const pack = packOfComponent(path, packs);
    if (pack) return component(KIND_DIRS[pack.kind] as ComponentKind, null, pack.dir);
    return path.endsWith('.py') ? configuredComponent(path) : null;
  };
}

const BASE: CursusRole = Object.freeze({ family: 'cursus', role: 'base' });
const DISCOVERY: CursusRole = Object.freeze({ family: 'cursus', role: 'builder-discovery' });
const CATALOG: CursusRole = Object.freeze({ family: 'cursus', role: 'step-catalog' });
const SDK: CursusRole = Object.freeze({ family: 'cursus', role: 'sdk-bindings' });

/**
 * The globs of cursus registries: the core files of the settings and the registry of each workspace root's workspaces.
 */
export function cursusRegistryGlobs(settings: Settings): string[] {
  const own = STEP_SETTINGS.of(settings);
  return [
    ...own.coreFiles,
    ...own.coreYamlFiles,
    ...own.workspacesRoots.map((r) => `${r === '' ? '' : `${r}/`}*/${WS_REGISTRY_SUFFIX}`),
  ];
}

/** The kinds whose configured directories (`registryLens.components.dirs`) hold a file's directory. */
function configuredComponents(settings: Settings): (path: string) => CursusRole | null {
  const kinds = (Object.entries(STEP_SETTINGS.of(settings).componentDirs) as [ComponentKind, string[]][])
    .filter(([, dirs]) => dirs.length > 0)
    .map(([kind, dirs]) => ({ kind, match: compileGlobs(dirs).matches }));
  return (path) => {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const hits = kinds.filter((k) => k.match(dir)).map((k) => k.kind);
    if (hits.length === 0) return null;
    // One flat folder for several kinds (`pipeline_steps/`): the file-name convention says which.
    const name = path.slice(path.lastIndexOf('/') + 1);
    const kind = hits.find((k) => FILE_CONVENTION[k].test(name)) ?? (hits[0] as ComponentKind);
    return { family: 'cursus', role: 'component', kind, wsDir: null, dir };
  };
}

const FILE_CONVENTION: Record<ComponentKind, RegExp> = {
  builder: /^builder_/,
  config: /^config_/,
  spec: /_spec\.py$/,
  contract: /_contract\.py$/,
  script: /^(?!builder_|config_).*(?<!_spec|_contract)\.py$/,
};
