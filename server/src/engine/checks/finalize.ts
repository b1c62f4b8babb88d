// Applies the user's per-code severity settings and the stable order (line, character, code) to one
// file's diagnostics (ties broken by message, so the order never depends on which unit ran first);
// identical duplicates from overlapping checks are dropped, and so are those a suppression comment
// in the file's `text` covers.
import type { Diagnostic, Settings } from '../types';
import { applySuppressions } from './suppress';

export function finalizeDiagnostics(raw: Diagnostic[], settings: Settings, text?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of raw) {
    const override = settings.severity[d.code];
    if (override === 'off') continue;
    const final = override ? { ...d, severity: override } : d;
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}|${JSON.stringify(d.related)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(final);
  }
  const kept = applySuppressions(out, text);
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || cmp(a.code, b.code) || cmp(a.message, b.message));
}
