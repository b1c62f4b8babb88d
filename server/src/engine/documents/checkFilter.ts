// A check narrowed to some files or folders, codes and a minimum severity (what an agent asks about a
// file it just edited), shared by the MCP server's `check` and the language-model tools' checkDocument.
// A path keeps the diagnostics of its files and those elsewhere whose related locations point into
// them (a conflict the files cause), as the CLI's `check --files`. The summary's counts then count
// the diagnostics kept; without a filter the diagnostics and the summary are returned as they are.
// A filter that can match nothing by mistake (an empty list, a code that does not exist) is an input
// error naming what is valid, never a silent "0 problems".
import type { Summary } from '../api';
import { SEVERITIES, type Diagnostic, type Severity } from '../types';

export interface CheckFilter {
  /**
   * Root-relative files or folders (`/` separated): a diagnostic of a file at or below one, or related to one, is kept.
   */
  paths?: readonly string[];
  codes?: readonly string[];
  /** The least severe severity kept. */
  severity?: Severity;
}

/** Why the filter is no valid question (`known`: every code of the catalogue), or null. */
export function checkFilterError(filter: CheckFilter, known: readonly string[]): string | null {
  const valid = known.join(', ');
  if (filter.paths?.length === 0)
    return "'paths' is empty: give root-relative files or folders, or leave it out to check the whole root";
  if (filter.codes?.length === 0)
    return `'codes' is empty: give codes (valid: ${valid}), or leave it out for every code`;
  const unknown = (filter.codes ?? []).filter((c) => !known.includes(c.toUpperCase()));
  if (unknown.length > 0)
    return `unknown code${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; valid codes: ${valid}`;
  if (filter.severity !== undefined && !SEVERITIES.includes(filter.severity)) {
    return `unknown severity '${String(filter.severity)}'; valid: ${SEVERITIES.join(', ')}`;
  }
  return null;
}

export function filterCheck(
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  filter: CheckFilter,
): { diagnostics: readonly Diagnostic[]; summary: Summary } {
  const paths = filter.paths?.map(normalise);
  const codes = filter.codes === undefined ? undefined : new Set(filter.codes.map((c) => c.toUpperCase()));
  const rank = filter.severity === undefined ? undefined : SEVERITIES.indexOf(filter.severity);
  if (paths === undefined && codes === undefined && rank === undefined)
    return { diagnostics, summary: { ...summary, ...countsOf(diagnostics) } };
  const under = (file: string): boolean =>
    paths === undefined || paths.some((p) => p === '' || file === p || file.startsWith(`${p}/`));
  const kept = diagnostics.filter(
    (d) =>
      (under(d.file) || d.related.some((r) => under(r.file))) &&
      (codes === undefined || codes.has(d.code)) &&
      (rank === undefined || SEVERITIES.indexOf(d.severity) <= rank),
  );
  return { diagnostics: kept, summary: { ...summary, ...countsOf(kept) } };
}

/**
 * The summary's counts of some diagnostics (a check narrowed by its caller or by the filter counts what it returns).
 */
export function countsOf(
  diagnostics: readonly Diagnostic[],
): Pick<Summary, 'errors' | 'warnings' | 'information' | 'hints'> {
  const count = (s: Severity): number => diagnostics.filter((d) => d.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    information: count('information'),
    hints: count('hint'),
  };
}

/** `./a\b/` → `a/b`; `.` → `` (the whole root). */
function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
