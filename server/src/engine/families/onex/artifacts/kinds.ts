// The vocabulary of ONEX repositories (docs/onex.md): the six artifact lists, the metadata file each
// type keeps in its version directories, and versions, which are `1.0.0` or `v1_0_0` for one version.
import { baseName, dirOf, joinRel } from '../../../util/paths';

export const ARTIFACT_LISTS = ['nodes', 'cli_tools', 'runtimes', 'adapters', 'contracts', 'packages'] as const;
export type ArtifactList = (typeof ARTIFACT_LISTS)[number];

export const METADATA_FILE: Record<ArtifactList, string> = {
  nodes: 'node.onex.yaml',
  cli_tools: 'cli_tool.yaml',
  runtimes: 'runtime.yaml',
  adapters: 'adapter.yaml',
  contracts: 'contract.yaml',
  packages: 'package.yaml',
};

export const REGISTRY_FILE = /(^|\/)registry\/registry\.yaml$/;
/** What REGISTRY_FILE matches, as a glob (`test/engine/registryGlobs.test.ts` checks they agree). */
export const REGISTRY_GLOB = '**/registry/registry.yaml';
export const ONEXTREE_FILE = /(^|\/)\.onextree$/;
export const WIP_FILE = /(^|\/)\.wip$/;
/**
 * The engine of omnibase's registry loader node: which registry it reads decides which files the checks treat as the
 * loader's input.
 */
export const LOADER_FILE = /(^|\/)registry_loader_node\/v\d+_\d+_\d+\/helpers\/registry_engine\.py$/;
const VERSION_DIR = /^v(\d+)_(\d+)_(\d+)$/;
const SEMVER = /^(\d+)\.(\d+)\.(\d+)([-+].*)?$/;

export function isArtifactList(key: string): key is ArtifactList {
  return (ARTIFACT_LISTS as readonly string[]).includes(key);
}

/** `v1_2_0` and `1.2.0` both give `1.2.0`; anything else null. */
export function normalizeVersion(v: string): string | null {
  const d = VERSION_DIR.exec(v);
  if (d) return `${Number(d[1])}.${Number(d[2])}.${Number(d[3])}`;
  const s = SEMVER.exec(v);
  return s ? `${Number(s[1])}.${Number(s[2])}.${Number(s[3])}${s[4] ?? ''}` : null;
}

export function isVersionDirName(name: string): boolean {
  return VERSION_DIR.test(name);
}

/** Orders normalized versions numerically (a pre-release before its release). */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  const [ra, rb] = [pa[4] ?? '', pb[4] ?? ''];
  if (ra === rb) return 0;
  if (ra === '') return 1;
  if (rb === '') return -1;
  return ra < rb ? -1 : 1;
}

/** `<…>/<list>/<name>/vX_Y_Z`: the artifact a version directory belongs to, or null. */
export function versionDirOf(dir: string): { list: ArtifactList; name: string; version: string } | null {
  const parts = dir.split('/');
  const [list, name, version] = parts.slice(-3);
  if (parts.length < 3 || !list || !name || !version || !isArtifactList(list) || !isVersionDirName(version))
    return null;
  return { list, name, version };
}

/** A metadata file in a version directory of its own type (`…/nodes/x/v1_0_0/node.onex.yaml`). */
export function metadataFileOf(
  path: string,
): { dir: string; list: ArtifactList; name: string; version: string } | null {
  const dir = dirOf(path);
  const v = versionDirOf(dir);
  return v && METADATA_FILE[v.list] === baseName(path) ? { dir, ...v } : null;
}

const FILE_EXTENSION = /\.(?:py|pyi|ya?ml|json|toml|sh|js|ts)$/;

/**
 * Files an entrypoint may name: relative to the version directory, to the root, or a dotted module under the root or
 * `src/`.
 */
export function entrypointFiles(dir: string, target: string, form: 'object' | 'uri' | 'plain'): string[] {
  const out = [joinRel(dir, target)];
  if (form === 'uri') {
    out.push(joinRel('', target));
    // A dotted module (`python://omnibase.nodes.x.v1_0_0.node`): its last part may look like an extension, a file's
    // name ends in a known one.
    if (/^[A-Z_]\w*(?:\.[A-Z_]\w*)*$/i.test(target) && !FILE_EXTENSION.test(target)) {
      const mod = target.replace(/\./g, '/');
      out.push(`${mod}.py`, `src/${mod}.py`);
    }
  }
  return [...new Set(out.filter((p): p is string => p !== null && p !== ''))];
}
