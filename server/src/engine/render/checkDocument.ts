// The `check` JSON document (SPEC §7, version 1) as a plain object, shared by the CLI's
// `check --format json` and the editor's language-model tool: built key by key so that fields the
// engine adds for editors (quick fixes, tags) never leak into the machine-readable contract.
import type { Summary } from '../api';
import type { Diagnostic, Range } from '../types';

export function checkDocument(diagnostics: readonly Diagnostic[], summary: Summary, ms: number) {
  const s = summary;
  return {
    version: 1 as const,
    summary: {
      sources: s.sources, entries: s.entries, workspaces: s.workspaces,
      errors: s.errors, warnings: s.warnings, information: s.information, hints: s.hints, ms,
    },
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      range: copyRange(d.range),
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: d.related.map((r) => ({ file: r.file, range: copyRange(r.range), message: r.message })),
    })),
  };
}
export type CheckDocument = ReturnType<typeof checkDocument>;

/** A range with only its four numbers, whatever else the engine's objects carry. */
export function copyRange(r: Range): Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}
