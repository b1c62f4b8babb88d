// Decides from its path (and the settings) what part a file plays: core registry, workspace
// registry, component module, or nothing. Everything downstream keys on this classification.
import picomatch from 'picomatch';
import type { Settings } from '../types';
import type { ComponentKind } from '../api';

export type FileRole =
  | { role: 'core-py' }
  | { role: 'core-yaml' }
  | { role: 'ws-registry'; wsDir: string }
  | { role: 'component'; kind: ComponentKind; wsDir: string | null; dir: string }
  | { role: 'none' };

export const KIND_DIRS: Record<string, ComponentKind> = {
  builders: 'builder', configs: 'config', specs: 'spec', contracts: 'contract', scripts: 'script',
};
export const WS_REGISTRY_SUFFIX = 'src/cursus_dev/registry/workspace_registry.py';
export const WS_STEPS_DIR = 'src/cursus_dev/steps';

const CORE_COMPONENT = /^(?:(.*)\/)?steps\/(builders|configs|specs|contracts|scripts)\/(?:.+\/)?[^/]+\.py$/;

export class RoleClassifier {
  private readonly isCorePy: (p: string) => boolean;
  private readonly isCoreYaml: (p: string) => boolean;

  constructor(private readonly settings: Settings) {
    this.isCorePy = picomatch(settings.coreFiles, { dot: true });
    this.isCoreYaml = picomatch(settings.coreYamlFiles, { dot: true });
  }

  /** `root/dir` when the path lies inside a developer workspace directory. */
  wsDirOf(path: string): string | null {
    for (const root of this.settings.workspacesRoots) {
      const prefix = root === '' ? '' : `${root}/`;
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash > 0) return prefix + rest.slice(0, slash);
    }
    return null;
  }

  classify(path: string): FileRole {
    const wsDir = this.wsDirOf(path);
    if (wsDir) {
      const rest = path.slice(wsDir.length + 1);
      if (rest === WS_REGISTRY_SUFFIX) return { role: 'ws-registry', wsDir };
      const m = /^src\/cursus_dev\/steps\/(builders|configs|specs|contracts|scripts)\/(?:.+\/)?[^/]+\.py$/.exec(rest);
      if (m?.[1]) return { role: 'component', kind: KIND_DIRS[m[1]] as ComponentKind, wsDir, dir: `${wsDir}/${WS_STEPS_DIR}/${m[1]}` };
      return { role: 'none' };
    }
    if (path.endsWith('.py') && this.isCorePy(path)) return { role: 'core-py' };
    if (/\.ya?ml$/.test(path) && this.isCoreYaml(path)) return { role: 'core-yaml' };
    const m = CORE_COMPONENT.exec(path);
    if (m?.[2]) return { role: 'component', kind: KIND_DIRS[m[2]] as ComponentKind, wsDir: null, dir: `${m[1] ? `${m[1]}/` : ''}steps/${m[2]}` };
    return { role: 'none' };
  }
}
