// Applies the user's per-code severity settings and the stable order (line, character, code) to one
// file's diagnostics; identical duplicates from overlapping checks are dropped.
import type { Diagnostic, Settings } from '../types';

export function finalizeDiagnostics(raw: Diagnostic[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of raw) {
    const override = settings.severity[d.code];
    if (override === 'off') continue;
    const final = override ? { ...d, severity: override } : d;
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(final);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
