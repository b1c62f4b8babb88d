// `check --format json`: exactly the SPEC §7 object (version 1), built key by key so that fields the
// engine adds for editors (quick fixes, tags) never leak into the machine-readable contract.
import type { Summary } from '../engine/api';
import type { Diagnostic, Range } from '../engine/types';

export function formatJson(diagnostics: Diagnostic[], summary: Summary, ms: number): string {
  const s = summary;
  return JSON.stringify({
    version: 1,
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
  }, null, 2) + '\n';
}

/** A range with only its four numbers, whatever else the engine's objects carry. */
export function copyRange(r: Range): Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}
