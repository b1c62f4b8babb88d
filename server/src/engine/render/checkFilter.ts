// A check narrowed to some files or folders, codes and a minimum severity (what an agent asks about a
// file it just edited). The summary's counts then count the diagnostics kept; without a filter the
// diagnostics and the summary are returned as they are.
import type { Summary } from '../api';
import { SEVERITIES, type Diagnostic, type Severity } from '../types';

export interface CheckFilter {
  /** Root-relative files or folders (`/` separated); a diagnostic of a file at or below one is kept. */
  paths?: readonly string[];
  codes?: readonly string[];
  /** The least severe severity kept. */
  severity?: Severity;
}

export function filterCheck(diagnostics: readonly Diagnostic[], summary: Summary, filter: CheckFilter): { diagnostics: readonly Diagnostic[]; summary: Summary } {
  const paths = filter.paths?.map(normalise);
  const codes = filter.codes === undefined ? undefined : new Set(filter.codes.map((c) => c.toUpperCase()));
  const rank = filter.severity === undefined ? undefined : SEVERITIES.indexOf(filter.severity);
  if (paths === undefined && codes === undefined && rank === undefined) return { diagnostics, summary };
  const kept = diagnostics.filter((d) =>
    (paths === undefined || paths.some((p) => p === '' || d.file === p || d.file.startsWith(`${p}/`)))
    && (codes === undefined || codes.has(d.code))
    && (rank === undefined || SEVERITIES.indexOf(d.severity) <= rank));
  const count = (s: Severity): number => kept.filter((d) => d.severity === s).length;
  return { diagnostics: kept, summary: { ...summary, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') } };
}

/** `./a\b/` → `a/b`; `.` → `` (the whole root). */
function normalise(path: string): string {
  return path.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.').join('/');
}
