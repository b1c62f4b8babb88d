// `check --format json`: exactly the SPEC §7 object (version 1), built by the one builder the MCP
// server's `check` tool returns too, its summary naming the framework versions the check assumes.
import type { Summary } from '../engine/api';
import { checkDocument } from '../engine/documents/jsonDocuments';
import type { Diagnostic } from '../engine/types';
import { withFrameworks, type FrameworkFact } from '../host/frameworkReport';

export function formatJson(
  diagnostics: Diagnostic[],
  summary: Summary,
  ms: number,
  frameworks: readonly FrameworkFact[],
): string {
  return JSON.stringify(withFrameworks(checkDocument(diagnostics, summary, ms), frameworks), null, 2) + '\n';
}
