// `explain --format json`: the shared explain document (engine/render/explainDocument.ts), printed.
import type { Explanation } from '../engine/api';
import { explainDocument } from '../engine/render/explainDocument';

export function formatExplainJson(e: Explanation): string {
  return JSON.stringify(explainDocument(e), null, 2) + '\n';
}
