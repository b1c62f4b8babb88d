// The `list` view of a context: every step it resolves, where from, the columns the members add (model/listColumns.ts),
// and conflicts with other workspaces.
import type { ListRow } from '../../api';
import { CORE, type ContextId, type ResolutionMode } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { layersFor, resolvableNames, resolveName, sourceOf } from '../entries/resolve';
import { columnValues } from '../entries/listColumns';
import { entryLocation } from './navigation';

export function list(
  ws: StepWorkspace,
  opts: { context?: ContextId; mode?: ResolutionMode; conflictsOnly?: boolean },
): ListRow[] {
  const mode = opts.mode ?? ws.stepSettings.mode;
  const wsDir = ws.dirOfContext(opts.context ?? CORE);
  const layers = layersFor(ws.model, wsDir, mode);
  const rows: ListRow[] = [];
  for (const name of resolvableNames(ws.model, wsDir, mode)) {
    const hit = resolveName(layers, name);
    if (!hit) continue;
    const conflicts = ws.model
      .definitions(name)
      .filter((e) => e !== hit.entry && e.wsDir !== null && e.wsDir !== wsDir)
      .map((e) => sourceOf(ws.model, e));
    if (opts.conflictsOnly && conflicts.length === 0) continue;
    const e = hit.entry;
    rows.push({
      name,
      source: sourceOf(ws.model, e),
      ...entryLocation(ws, e),
      columns: columnValues(ws.model.listColumns(), e),
      conflicts,
    });
  }
  return rows;
}
