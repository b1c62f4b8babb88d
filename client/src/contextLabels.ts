// Labels of workspace contexts that stay apart when two workspaces declare one id (RL015): the id,
// plus the workspace directory's name whenever the id is not unique in its folder.
import type { ContextInfo } from '../../server/src/lsp/protocol';

/** Ids declared by more than one workspace directory. */
export function duplicateIds(contexts: readonly Pick<ContextInfo, 'id'>[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of contexts) (seen.has(c.id) ? dup : seen).add(c.id);
  return dup;
}

/** `alice_ml`, or `alice_ml (dave_dup)` when another directory declares alice_ml too. */
export function contextLabel(c: Pick<ContextInfo, 'id' | 'dir'>, duplicates: ReadonlySet<string>): string {
  if (c.dir === null || !duplicates.has(c.id)) return c.id;
  return `${c.id} (${c.dir.slice(c.dir.lastIndexOf('/') + 1)})`;
}
