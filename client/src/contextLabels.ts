// Labels of workspace contexts that stay apart when two workspaces declare one id (RL015): the first
// directory in path order is the context and keeps the bare id; a later one carries its directory name.
import type { ContextInfo } from '../../server/src/lsp/protocol';

type Ctx = Pick<ContextInfo, 'id' | 'dir'>;

/** `alice_ml` for the workspace the id selects, `alice_ml (aaron_dup)` for a later one declaring it too. */
export function contextLabel(c: Ctx, all: readonly Ctx[]): string {
  if (c.dir === null) return c.id;
  const dirName = c.dir.slice(c.dir.lastIndexOf('/') + 1);
  // the engine names a later workspace's context `id@dir`
  if (c.id.endsWith(`@${c.dir}`)) return `${c.id.slice(0, -c.dir.length - 1)} (${dirName})`;
  const first = all.find((x) => x.id === c.id);
  if (first === undefined || first.dir === c.dir) return c.id;
  return `${c.id} (${dirName})`;
}

/**
 * What a label with a directory means (its tooltip): `alice_ml (aaron_dup)` is a second workspace declaring
 * the id; undefined for a label that is the id alone.
 */
export function contextTitle(c: Ctx, all: readonly Ctx[]): string | undefined {
  const label = contextLabel(c, all);
  const open = label.lastIndexOf(' (');
  if (c.dir === null || open < 0) return undefined;
  const id = label.slice(0, open);
  return (
    `The workspace in ${c.dir}, which declares the id ${id} that an earlier workspace already declares ` +
    `(RL015): the id alone selects the earlier one, so this one is named by its directory.`
  );
}

/**
 * A step's source as the labels name its context: `workspace:alice_ml (aaron_dup)` for
 * `workspace:alice_ml@…/aaron_dup`.
 */
export function sourceLabel(source: string, all: readonly Ctx[]): string {
  const colon = source.indexOf(':');
  const c = colon < 0 ? undefined : all.find((x) => x.id === source.slice(colon + 1));
  return c === undefined ? source : `${source.slice(0, colon + 1)}${contextLabel(c, all)}`;
}
