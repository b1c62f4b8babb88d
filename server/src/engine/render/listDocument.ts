// The `list` JSON document (version 1: the steps and other families' entries visible in a context)
// as a plain object, shared by the CLI's `list --format json` and the editor's language-model tool.
import type { ListRow } from '../api';
import type { ContextId, ResolutionMode } from '../types';
import { copyRange } from './checkDocument';

export function listDocument(rows: readonly ListRow[], context: ContextId, mode: ResolutionMode) {
  return {
    version: 1 as const,
    context,
    mode,
    steps: rows.map((r) => ({
      name: r.name,
      source: r.source,
      file: r.file,
      range: copyRange(r.range),
      sagemakerStepType: r.sagemakerStepType,
      builder: r.builder,
      config: r.config,
      conflicts: r.conflicts,
      ...(r.detail !== undefined ? { detail: r.detail } : {}),
    })),
  };
}
export type ListDocument = ReturnType<typeof listDocument>;
