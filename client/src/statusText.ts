// The words of the status items, apart from vscode so that a unit test reads them: the status bar
// item's label and counts, when the folder was last analysed, and how long its last full analysis
// (every file read and analysed) took. An edit's analysis re-checks only what changed, so its engine
// time (often well under a millisecond) is no figure for "the analysis" and is not shown.
import type { FolderContexts, StatusParams } from '../../server/src/lsp/protocol';

export type AnalysisTimes = Pick<StatusParams, 'lastAnalysisAt' | 'fullAnalysisMs' | 'fullAnalysisAt'>;
/** Formats an epoch time of day (the extension passes the locale's `toLocaleTimeString`). */
export type Clock = (epochMs: number) => string;

/** A duration in words: milliseconds below one second, else seconds with one decimal. */
export function duration(ms: number): string {
  if (ms < 1) return '<1 ms';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The short form, for the language status item's detail: when the folder was last analysed. */
export function analysedAt(s: AnalysisTimes, clock: Clock): string {
  return s.lastAnalysisAt > 0 ? `analysed ${clock(s.lastAnalysisAt)}` : 'not analysed yet';
}

/** The long form, for tooltips: the last analysis, and the last full one with its duration. */
export function analysisLines(s: AnalysisTimes, clock: Clock): string[] {
  if (s.lastAnalysisAt === 0) return ['Not analysed yet.'];
  const full =
    s.fullAnalysisAt > 0
      ? `Full analysis: ${clock(s.fullAnalysisAt)}, ${duration(s.fullAnalysisMs)} to read and analyse every file.`
      : '';
  const last =
    s.lastAnalysisAt !== s.fullAnalysisAt
      ? `Last analysed: ${clock(s.lastAnalysisAt)} (what changed since the full analysis).`
      : '';
  return [last, full].filter(Boolean);
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}
export interface FileCounts {
  readonly label: string;
  readonly counts: Counts;
}

/** What a file of an installed framework is, in place of its context: `installed cursus 2.9.32 (library)`. */
export function libraryLabel(library: NonNullable<FolderContexts['library']>): string {
  return `installed ${library.name} ${library.version} (library)`;
}

/**
 * The status bar item's text: with the active editor's file, "this file" and that file's counts (the
 * language status item's); else the active context and the folder's counts.
 */
export function statusItemText(file: FileCounts | undefined, active: string, folder: Counts): string {
  const [label, c] = file ? [`this file: ${file.label}`, file.counts] : [`active: ${active}`, folder];
  return `$(list-tree) ${label}  $(error) ${c.errors}  $(warning) ${c.warnings}`;
}
