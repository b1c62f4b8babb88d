// `check --format json`: the shared check document (engine/render/checkDocument.ts), printed.
import type { Summary } from '../engine/api';
import type { Diagnostic } from '../engine/types';
import { checkDocument } from '../engine/render/checkDocument';

export function formatJson(diagnostics: Diagnostic[], summary: Summary, ms: number): string {
  return JSON.stringify(checkDocument(diagnostics, summary, ms), null, 2) + '\n';
}
