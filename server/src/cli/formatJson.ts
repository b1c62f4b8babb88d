// `check --format json`: exactly the SPEC §7 object (version 1), built by the one builder the MCP
// server's `check` tool returns too.
import type { Summary } from '../engine/api';
import { checkDocument } from '../engine/documents/jsonDocuments';
import type { Diagnostic } from '../engine/types';

export function formatJson(diagnostics: Diagnostic[], summary: Summary, ms: number): string {
  return JSON.stringify(checkDocument(diagnostics, summary, ms), null, 2) + '\n';
}
