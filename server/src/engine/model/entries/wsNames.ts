// A workspace registry read for what the id and local-name indices need of it — its developer id and
// its local step names — from its dicts' keys alone (python/dictKeys.ts), not whole: on a first pass for
// one open registry, the other workspaces are read for this only (RL002, RL015, the contexts). Exactly
// what the whole read gives (`workspaceSource` then `buildWorkspace`), or null where it declines
// (test/engine/wsNames.test.ts proves it on the examples, the bench org and mutants).
import { dictKeys, type KeysOf } from '../../python/dictKeys';

export interface WsNames {
  /** `WORKSPACE_METADATA["developer_id"]`: its last string value, null without one. */
  developerId: string | null;
  /** The local step names in `WsState.local`'s order. */
  local: string[];
}

/** What a workspace registry's text says of its id and local names (strings that keep nothing of the text), or null. */
export function workspaceNames(text: string): WsNames | null {
  const vars = dictKeys(text);
  if (!vars) return null;
  // As `workspaceSource` reads them: LOCAL_STEPS only (cursus never reads WORKSPACE_STEPS).
  const keys = vars.get('LOCAL_STEPS');
  const local = keys?.dict ? defined(keys) : [];
  let developerId: string | null = null;
  const meta = vars.get('WORKSPACE_METADATA');
  if (meta?.dict) {
    for (let i = 0; i < meta.size; i++) if (meta.keyIs(i, 'developer_id')) developerId = meta.value(i) ?? developerId;
  }
  return { developerId, local };
}

/** The names a variable's dict defines, as `readVariable` defines them: each string key once, where it last appears. */
function defined(keys: KeysOf): string[] {
  const names: (string | null)[] = [];
  for (let i = 0; i < keys.size; i++) names.push(keys.key(i));
  const last = new Map<string, number>();
  names.forEach((k, i) => {
    if (k !== null) last.set(k, i);
  });
  return names.filter((k, i): k is string => k !== null && last.get(k) === i);
}
