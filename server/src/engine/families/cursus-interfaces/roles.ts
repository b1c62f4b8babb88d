// What a path is to the interface family (SPEC §1.8): a core `*.step.yaml` interface, a developer
// workspace's interface, or the loader module whose literal `_EXTRAS` dict holds the steps without one.
import type { Settings } from '../../types';
import { WS_STEPS_DIR, wsDirOf } from '../../model/workspaceDirs';

export type InterfaceRole =
  | { family: 'cursus-interfaces'; role: 'interface'; wsDir: string | null }
  | { family: 'cursus-interfaces'; role: 'extras' };

export const INTERFACE_SUFFIX = '.step.yaml';
const CORE_INTERFACE = /^(?:.*\/)?steps\/interfaces\/[^/]+\.step\.yaml$/;
const WS_INTERFACE = new RegExp(`^${WS_STEPS_DIR}/interfaces/[^/]+\\.step\\.yaml$`);
const LOADER = /^(?:.*\/)?registry\/interface_registry_loader\.py$/;

export function interfaceClassifier(settings: Settings): (path: string) => InterfaceRole | null {
  return (path) => {
    const wsDir = wsDirOf(settings, path);
    if (wsDir) return WS_INTERFACE.test(path.slice(wsDir.length + 1)) ? { family: 'cursus-interfaces', role: 'interface', wsDir } : null;
    if (CORE_INTERFACE.test(path)) return { family: 'cursus-interfaces', role: 'interface', wsDir: null };
    return LOADER.test(path) ? { family: 'cursus-interfaces', role: 'extras' } : null;
  };
}
