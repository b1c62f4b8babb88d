// The proof of the names reader of a workspace registry (model/wsNames.ts), shared by its test and the
// fuzzer: what it gives the id and local-name indices against what the whole read gives them
// (`workspaceSource` then `buildWorkspace`, through the skeleton's path and through the full parse).
import { isDeepStrictEqual } from 'node:util';
import { parsePythonFacts, treeFacts, type PyFacts } from '../../server/src/engine/python/facts';
import { workspaceSource } from '../../server/src/engine/model/entries/source';
import { buildWorkspace, defaultWorkspaceId } from '../../server/src/engine/model/entries/registry';
import { workspaceNames } from '../../server/src/engine/model/entries/wsNames';
import { STEP_SETTINGS } from '../../server/src/engine/model/settings';
import { resolveSettings } from '../../server/src/engine/settings';
import { SETTING_GROUPS } from '../../server/src/engine/engine';

const RESOLVED = resolveSettings(SETTING_GROUPS, {});
const SETTINGS = { ...RESOLVED, ...STEP_SETTINGS.of(RESOLVED) };
const DIR = 'developer_workspaces/developers/alice';
const FILE = `${DIR}/src/cursus_dev/registry/workspace_registry.py`;

export interface Names {
  id: string;
  local: string[];
}

/** What the whole read of a registry gives the indices (`parse`: parsePythonFacts, or the full parse). */
export function wholeNames(text: string, parse: (text: string) => PyFacts = parsePythonFacts): Names {
  const ws = buildWorkspace(DIR, workspaceSource(FILE, DIR, parse(text), SETTINGS, 'cursus'));
  return { id: ws.id, local: [...ws.local.keys()] };
}

/** What the names reader gives them, null when it declines. */
export function fastNames(text: string): Names | null {
  const n = workspaceNames(text);
  return n && { id: n.developerId ?? defaultWorkspaceId(DIR), local: n.local };
}

/** Whether the names reader declines `text`, or gives what both whole reads give. */
export function namesFastPath(text: string): 'declined' | 'equal' | 'differs' {
  const got = fastNames(text);
  if (got === null) return 'declined';
  return isDeepStrictEqual(got, wholeNames(text)) &&
    isDeepStrictEqual(
      got,
      wholeNames(text, (t) => treeFacts(t, true)),
    )
    ? 'equal'
    : 'differs';
}
