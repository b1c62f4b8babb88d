// What a `.onextree` says, as the ONEX family keeps it: the relative paths it lists, each with the
// ranges its checks and fixes point at. Read by onextree.ts (from YAML) and treeScanner.ts (fast path).
import type { Range } from '../../../types';

export interface TreeNode {
  /** Relative to the described directory ('' for the root). */
  path: string;
  /** The node's `name` value (the root's when the node has no name). */
  nameRange: Range;
  /**
   * Where a new child goes: after this range, with this indentation (`- name: …`), or null when the node cannot take
   * one.
   */
  insertAfter: Range | null;
  childIndent: number;
  /** The node has no `children` key (or an empty/null one): a new child needs a `children:` line. */
  noChildren: boolean;
}

export interface OnexTree {
  file: string;
  rootName: string | null;
  nodes: Map<string, TreeNode>;
}
