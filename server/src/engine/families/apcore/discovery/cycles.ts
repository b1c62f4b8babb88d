// RL023, stage 7's diagnostics (apcore-python `registry/dependencies.py` `resolve_dependencies` +
// `_find_back_edge_cycle`): each concrete cycle the step model's search finds (util/graphOrder.ts),
// said as apcore's discover() fails on it.
import type { Diagnostic, Range } from '../../../types';
import { diag } from '../codes';

/**
 * RL023 on every edge of a cycle, each naming the whole cycle and related to the other edges. A cycle
 * that exists only in a workspace's context says so (the same edge may be part of another cycle elsewhere).
 */
export function cycleDiagnostics(
  cycle: readonly string[],
  edgeAt: (from: string, to: string) => { file: string; range: Range } | null,
  context: string | null = null,
): Diagnostic[] {
  const path = [...cycle, cycle[0] as string];
  const message =
    `Circular dependency detected: ${path.join(' -> ')}${context ? ` (in context '${context}')` : ''}; ` +
    "apcore's discover() raises CircularDependencyError, so discovery of the whole root fails";
  const edges = cycle.map((from, i) => ({ from, to: path[i + 1] as string, at: edgeAt(from, path[i + 1] as string) }));
  return edges.flatMap((e) =>
    e.at
      ? [
          diag(e.at.file, e.at.range, 'RL023', message, {
            related: edges
              .filter((o) => o !== e && o.at)
              .map((o) => ({ ...(o.at as { file: string; range: Range }), message: `${o.from} depends on ${o.to}` })),
          }),
        ]
      : [],
  );
}
