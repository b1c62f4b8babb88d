// What a path is to the interface family (SPEC §1.8): a core `*.step.yaml` interface, a developer
// workspace's interface, a step pack's, or the loader module whose literal `_EXTRAS` dict holds the
// steps without one. Which `interfaces/` folders are packs depends on which `step_pack/interfaces/`
// folders exist (the family's layout).
import type { Settings } from '../../../types';
import type { FamilyParts } from '../../../analysis/family';
import { isUnder } from '../../../util/paths';
import { STEP_SETTINGS } from '../../../model/settings';
import { wsDirBelow, wsDirOf } from '../../../model/entries/workspaceDirs';
import { packOfInterface } from '../packs/stepPacks';

/** The family's name: its index keys are read back under it. */
export const FAMILY = 'cursus-interfaces';

export type InterfaceRole =
  /** `pack`: the step pack directory of a pack's interface (`<project>/step_pack`, or the project itself). */
  | { family: 'cursus-interfaces'; role: 'interface'; wsDir: string | null; pack?: string }
  | { family: 'cursus-interfaces'; role: 'extras' };

export const INTERFACE_SUFFIX = '.step.yaml';
/** Where a developer workspace keeps its interfaces (registry/hybrid/setup.py:146), relative to its directory. */
export const WS_INTERFACES_DIR = 'src/cursus_dev/steps/interfaces';
const CORE_INTERFACE = /^(?:.*\/)?steps\/interfaces\/[^/]+\.step\.yaml$/;
const WS_INTERFACE = new RegExp(`^${WS_INTERFACES_DIR}/[^/]+\\.step\\.yaml$`);
const LOADER = /^(?:.*\/)?registry\/interface_registry_loader\.py$/;

/** The paths the expressions above match, as globs (`test/engine/registryGlobs.test.ts` checks they agree). */
export function interfaceRegistryGlobs(settings: Settings): string[] {
  return [
    '**/registry/interface_registry_loader.py',
    `**/steps/interfaces/*${INTERFACE_SUFFIX}`,
    ...STEP_SETTINGS.of(settings).workspacesRoots.map(
      (r) => `${r === '' ? '' : `${r}/`}*/${WS_INTERFACES_DIR}/*${INTERFACE_SUFFIX}`,
    ),
  ];
}

/** The family's layout: the projects holding a `step_pack/interfaces/` folder (`stepPackProjects`). */
export interface InterfaceLayout {
  stepPackProjects: readonly string[];
}

export function interfaceClassifier(
  settings: Settings,
  layout: InterfaceLayout,
): (path: string) => InterfaceRole | null {
  const stepPacks = new Set(layout.stepPackProjects);
  const hasStepPack = (project: string): boolean => stepPacks.has(project);
  // One role per workspace (and one for core), shared by its interface files.
  const interfaces = new Map<string | null, InterfaceRole>();
  const iface = (wsDir: string | null): InterfaceRole => {
    let role = interfaces.get(wsDir);
    if (!role) interfaces.set(wsDir, (role = { family: 'cursus-interfaces', role: 'interface', wsDir }));
    return role;
  };
  const packs = new Map<string, InterfaceRole>();
  const packRole = (pack: string): InterfaceRole => {
    let role = packs.get(pack);
    if (!role) packs.set(pack, (role = { family: 'cursus-interfaces', role: 'interface', wsDir: null, pack }));
    return role;
  };
  return (path) => {
    const wsDir = wsDirOf(settings, path);
    if (wsDir) return WS_INTERFACE.test(path.slice(wsDir.length + 1)) ? iface(wsDir) : null;
    if (CORE_INTERFACE.test(path)) return iface(null);
    const pack = packOfInterface(path, settings, hasStepPack);
    if (pack !== null) return packRole(pack);
    return LOADER.test(path) ? EXTRAS : null;
  };
}

const EXTRAS: InterfaceRole = Object.freeze({ family: 'cursus-interfaces', role: 'extras' });

/**
 * The family's parts: every interface is a registry, read by every context (a workspace's join its
 * registry), so an open interface needs the whole root; inside a workspace directory they lie only in its
 * interfaces folder, so the other directories there hold none.
 */
export const interfaceParts: FamilyParts<InterfaceRole, InterfaceLayout> = {
  of: () => null,
  readBy: () => null,
  below: (dir, { settings }) => {
    const ws = wsDirBelow(settings, dir);
    return ws === null || isUnder(`${ws}/${WS_INTERFACES_DIR}`, dir) ? null : [];
  },
};
