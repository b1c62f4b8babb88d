// Decides from its path (and the settings, and the apcore layout) what part a file plays: core
// registry, workspace registry, component module, companion metadata, apcore project file or id map,
// other code (an apcore module candidate when under an extension root), or nothing. Everything
// downstream keys on this classification.
import picomatch from 'picomatch';
import type { Settings } from '../types';
import type { ComponentKind } from '../api';
import { isMetaFile } from '../pipeline/metadata';
import { APCORE_CONFIG_FILES } from '../pipeline/apcoreConfig';
import { isScanCandidate, rootOf } from '../pipeline/scan';
import { isUnder } from '../util/paths';

export type FileRole =
  | { role: 'core-py' }
  | { role: 'core-yaml' }
  | { role: 'ws-registry'; wsDir: string }
  | { role: 'component'; kind: ComponentKind; wsDir: string | null; dir: string }
  | { role: 'meta' }
  | { role: 'apcore-config' }
  | { role: 'id-map' }
  /** A .py/.ts/.js file; `module` when it is a scan candidate of an extension root. */
  | { role: 'code'; module: boolean }
  | { role: 'none' };

/** A symbolic link the host found under the root: its real target (root-relative, null outside the root). */
export interface HostLink { path: string; target: string | null; loop: boolean }

/** Where apcore modules may live: the possible extension roots, the id map path, the host's links. */
export interface ApcoreLayout { roots: string[]; idMap: string; links: HostLink[] }

const CODE_FILE = /\.(py|ts|js)$/;

export const KIND_DIRS: Record<string, ComponentKind> = {
  builders: 'builder', configs: 'config', specs: 'spec', contracts: 'contract', scripts: 'script',
};
export const WS_REGISTRY_SUFFIX = 'src/cursus_dev/registry/workspace_registry.py';
export const WS_STEPS_DIR = 'src/cursus_dev/steps';

const CORE_COMPONENT = /^(?:(.*)\/)?steps\/(builders|configs|specs|contracts|scripts)\/(?:.+\/)?[^/]+\.py$/;

export class RoleClassifier {
  private readonly isCorePy: (p: string) => boolean;
  private readonly isCoreYaml: (p: string) => boolean;
  /** Root-relative path of the id map ('' when there is none). */
  readonly idMapPath: string;

  constructor(private readonly settings: Settings, private readonly layout: ApcoreLayout) {
    this.idMapPath = layout.idMap;
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
      return this.other(path);
    }
    if (path.endsWith('.py') && this.isCorePy(path)) return { role: 'core-py' };
    if (/\.ya?ml$/.test(path) && this.isCoreYaml(path)) return { role: 'core-yaml' };
    const m = CORE_COMPONENT.exec(path);
    if (m?.[2]) return { role: 'component', kind: KIND_DIRS[m[2]] as ComponentKind, wsDir: null, dir: `${m[1] ? `${m[1]}/` : ''}steps/${m[2]}` };
    return this.other(path);
  }

  /** Files that are neither registries nor components: metadata, apcore files, code. */
  private other(path: string): FileRole {
    if (isMetaFile(path)) return { role: 'meta' };
    if (APCORE_CONFIG_FILES.includes(path)) return { role: 'apcore-config' };
    if (path === this.layout.idMap) return { role: 'id-map' };
    if (!CODE_FILE.test(path)) return { role: 'none' };
    return { role: 'code', module: this.isModuleCandidate(path) };
  }

  /** Under an extension root, passing the scan rules, and not reached through a link that leaves that root. */
  isModuleCandidate(path: string): boolean {
    const root = rootOf(path, this.layout.roots.map((r) => ({ path: r })));
    if (!root || !isScanCandidate(root.path === '' ? path : path.slice(root.path.length + 1))) return false;
    return !this.layout.links.some((l) => isUnder(path, l.path) && isUnder(l.path, root.path) && (l.target === null || !isUnder(l.target, root.path)));
  }
}
