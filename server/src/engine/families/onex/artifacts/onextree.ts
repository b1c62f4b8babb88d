// Reads a `.onextree` (a YAML tree of `{name, type, children}` nodes describing a directory) into the
// relative paths it lists, each with the range of its name, and finds the directory a tree describes
// (docs/onex.md: the folder it sits in when its root is named `.`, `..` or after that folder; else
// `<folder>/src/<name>` when that directory exists; else `<folder>/<name>`).
import type { Diagnostic } from '../../../types';
import { diag } from './codes';
import { dictEntry, type Lit } from '../../../literal';
import { readYamlLit, type YamlReadFrom } from '../../../yaml/splice';
import { baseName, dirOf } from '../../../util/paths';
import { scanOnextree } from './treeScanner';
import type { OnexTree, TreeNode } from './tree';

export type { OnexTree, TreeNode };

const MAX_DEPTH = 64;

/**
 * `previous`: the last YAML read of this file, from which an edit is read (the result is the same);
 * `read` is what the next edit can be read from, none when the tree's own reader (treeScanner.ts) answered.
 */
export function readOnextree(
  file: string,
  text: string,
  previous?: YamlReadFrom,
): { tree: OnexTree; local: Diagnostic[]; read?: YamlReadFrom } {
  const fast = scanOnextree(file, text);
  return fast ? { tree: fast, local: [] } : readOnextreeYaml(file, text, previous);
}

/** The tree read as YAML (what the fast path must equal where it answers). */
export function readOnextreeYaml(
  file: string,
  text: string,
  previous?: YamlReadFrom,
): { tree: OnexTree; local: Diagnostic[]; read: YamlReadFrom } {
  const facts = readYamlLit(text, previous);
  const read = { text, facts };
  const local = facts.errors.map((e) => diag(file, e.range, 'RL030', e.message));
  const tree: OnexTree = { file, rootName: null, nodes: new Map() };
  const root = facts.value;
  if (root?.kind !== 'dict') return { tree, local, read };
  const name = dictEntry(root, 'name')?.value;
  tree.rootName = name?.kind === 'str' ? name.value : null;
  walk(tree, root, '', 0);
  return { tree, local, read };
}

function walk(tree: OnexTree, node: Lit, path: string, depth: number): void {
  if (node.kind !== 'dict' || depth > MAX_DEPTH) return;
  const children = dictEntry(node, 'children');
  const nameLit = dictEntry(node, 'name')?.value;
  const list = children?.value.kind === 'list' ? children.value.items : [];
  const last = list[list.length - 1];
  const indent = last ? last.range.start.character : (nameLit?.range.start.character ?? 0) + 2;
  tree.nodes.set(path, {
    path,
    nameRange: nameLit?.range ?? node.range,
    insertAfter: last ? last.range : node.range,
    childIndent: indent,
    noChildren: list.length === 0,
  });
  for (const child of list) {
    const n = dictEntry(child, 'name')?.value;
    if (n?.kind !== 'str' || n.value === '' || n.value.includes('/')) continue;
    walk(tree, child, path === '' ? n.value : `${path}/${n.value}`, depth + 1);
  }
}

/** The directory a tree describes; `dirExists` answers for `<folder>/src/<name>`. */
export function treeBase(tree: OnexTree, dirExists: (dir: string) => boolean): string {
  const folder = dirOf(tree.file);
  const n = tree.rootName;
  if (!n || n === '.' || n === '..' || n.includes('/') || n === baseName(folder)) return folder;
  const inSrc = folder === '' ? `src/${n}` : `${folder}/src/${n}`;
  if (dirExists(inSrc)) return inSrc;
  return folder === '' ? n : `${folder}/${n}`;
}
