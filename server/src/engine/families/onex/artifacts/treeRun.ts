// The artifacts omnibase `development`'s registry loader builds from one `.onextree` (docs/onex.md,
// "development: the trees"), found as its engine finds them, so that `list`, Explain and the checks show
// the loader's artifact set and not registry.yaml's (which no development code reads).
import { dirOf, joinRel } from '../../../util/paths';
import { METADATA_FILE, isArtifactList, type ArtifactList } from './kinds';
import type { OnexTree, TreeNode } from './tree';

/** One artifact version a tree lists, where the loader looks for it. */
export interface TreeListed {
  list: ArtifactList;
  name: string;
  version: string;
  metadataFile: string;
  /** The tree node that yielded it and its metadata file's node. */
  node: TreeNode;
  metaNode: TreeNode;
  /** `<root_directory>/<tree name>/<list>/<name>/<version>` (relative to the workspace; null when no run finds any). */
  dir: string | null;
}

export interface TreeRun {
  file: string;
  /** `<root_directory>/<tree name>` of the run taken, or null when no run finds any artifact the tree lists. */
  base: string | null;
  listed: TreeListed[];
}

/**
 * Every `(type, name, version, node)` of `OnextreeRoot.find_versioned_artifacts()` (model/model_onextree.py:215-249:
 * each node's path from the root's name, any `<type>/<name>/<v…>` in it, the node itself a directory) that lists
 * its type's metadata file among its direct children (`_find_metadata_file_in_node`, registry_engine.py:313-338).
 * A tuple the walk yields twice (a subdirectory of a version directory holding a metadata file) is kept once.
 */
export function listedArtifacts(tree: OnexTree): Omit<TreeListed, 'dir'>[] {
  const out: Omit<TreeListed, 'dir'>[] = [];
  const seen = new Set<string>();
  const rootParts = (tree.rootName ?? '').split('/').filter((p) => p !== '');
  for (const node of tree.nodes.values()) {
    const parts = [...rootParts, ...(node.path === '' ? [] : node.path.split('/'))];
    if (parts.length < 4) continue;
    for (let i = 0; i + 2 < parts.length; i++) {
      const [list, name, version] = [parts[i] ?? '', parts[i + 1] ?? '', parts[i + 2] ?? ''];
      if (!isArtifactList(list) || !version.startsWith('v')) continue;
      const metaNode = tree.nodes.get(node.path === '' ? METADATA_FILE[list] : `${node.path}/${METADATA_FILE[list]}`);
      const key = `${list}/${name}/${version}`;
      if (!metaNode || seen.has(key)) continue;
      seen.add(key);
      out.push({ list, name, version, metadataFile: METADATA_FILE[list], node, metaNode });
    }
  }
  return out;
}

/**
 * The run of the loader that reads this tree: it reads `<root_directory>/../.onextree` (registry_engine.py:212),
 * so root_directory is a directory `C` in the tree's folder `D`, and it resolves each artifact to
 * `root_directory / <tree name> / type / name / version` (:294-299, :366) whatever the tree nests above the type
 * directory. `C` is the one under which the most listed artifacts exist (`knownDirs`: the directories the
 * host reported and those holding a read file); a tree named `..` resolves under `D` whatever `C` is.
 */
export function treeRun(tree: OnexTree, knownDirs: readonly string[], dirExists: (dir: string) => boolean): TreeRun {
  const folder = dirOf(tree.file);
  const name = tree.rootName ?? '';
  const listed = listedArtifacts(tree);
  const rel = (a: Omit<TreeListed, 'dir'>): string => `${a.list}/${a.name}/${a.version}`;
  let base: string | null = null;
  if (name === '..') {
    base = listed.some((a) => dirExists(joinRel(folder, rel(a)) ?? '')) ? folder : null;
  } else {
    const tail = name === '.' || name === '' ? [] : name.split('/').filter((p) => p !== '');
    const folderParts = folder === '' ? [] : folder.split('/');
    const wanted = new Set(listed.map(rel));
    const counts = new Map<string, number>();
    for (const d of new Set(knownDirs)) {
      const parts = d.split('/');
      // `<D>/<C>/<tree name>/<type>/<name>/<version>`, C one directory.
      const prefix = parts.slice(0, -3);
      if (!wanted.has(parts.slice(-3).join('/')) || prefix.length !== folderParts.length + 1 + tail.length) continue;
      const at = folderParts.length + 1;
      if (folderParts.some((p, i) => prefix[i] !== p) || tail.some((t, i) => prefix[at + i] !== t)) continue;
      const b = prefix.join('/');
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    base = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null;
  }
  const dirOfListed = (a: Omit<TreeListed, 'dir'>): string | null => (base === null ? null : joinRel(base, rel(a)));
  return { file: tree.file, base, listed: listed.map((a) => ({ ...a, dir: dirOfListed(a) })) };
}
