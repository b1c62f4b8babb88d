// What the discovery stages read of an apcore project file (apcore.yaml, read by the apcore family's
// apcore/apcoreConfig.ts): the configuration's shape (its names and defaults: framework.ts), and the roots the
// `registryLens.apcore.roots` setting declares instead.
import type { Diagnostic, Range } from '../../types';
import type { ApcoreRootSetting } from './apcoreSettings';
import { joinRel } from '../../util/paths';
import type { RootDecl } from './roots';

export interface ApcoreConfig {
  file: string;
  roots: RootDecl[];
  /** `id_map: PATH` (root-relative; null when the path leaves the root). */
  idMap: { path: string | null; range: Range } | null;
  /** `extensions.max_depth` (the scanner counts the root as depth 1). */
  maxDepth: number;
  /** `extensions.follow_symlinks`: whether the scanner enters symlinked directories (inside the root only). */
  followSymlinks: boolean;
  /** `acl.root`: where the ACL files are (root-relative; null when the path leaves the root or is not a string). */
  aclRoot: string | null;
  diagnostics: Diagnostic[];
}

/** Roots of the `registryLens.apcore.roots` setting (no node to point at). */
export function rootsFromSettings(roots: ApcoreRootSetting[]): RootDecl[] {
  const out: RootDecl[] = [];
  for (const r of roots) {
    const raw = typeof r === 'string' ? r : r.path;
    const path = joinRel('', raw.trim());
    if (path !== null)
      out.push({ path, namespace: typeof r === 'string' ? null : (r.namespace ?? null), origin: null });
  }
  return out;
}
