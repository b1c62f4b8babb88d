// `check --format text`: diagnostics grouped by file like VS Code's Problems panel, positions 1-based
// (`file:line:col` for related locations, so terminals make them clickable), then a one-line summary.
import type { Summary } from '../engine/api';
import type { Diagnostic, Range } from '../engine/types';

/** `frameworks`: the lines saying which installed frameworks the check read (host/frameworkReport.ts). */
export function formatText(diagnostics: Diagnostic[], summary: Summary, frameworks: readonly string[]): string {
  const out: string[] = [];
  const files = groupByFile(diagnostics);
  for (const [file, group] of files) {
    const posWidth = Math.max(...group.map((d) => position(d.range).length));
    const sevWidth = Math.max(...group.map((d) => d.severity.length));
    out.push(file);
    for (const d of group) {
      out.push(`  ${position(d.range).padEnd(posWidth)}  ${d.severity.padEnd(sevWidth)}  ${d.message}  [${d.code}]`);
      if (d.cell) out.push(`      in cell ${d.cell.index} at ${position(d.cell.range)}`);
      for (const r of d.related) out.push(`      related ${r.file}:${position(r.range)}  ${r.message}`);
    }
    out.push('');
  }
  const s = summary;
  out.push(...frameworks);
  out.push(
    `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ` +
      `${s.information} information, ${count(s.hints, 'hint')}` +
      ` in ${count(files.size, 'file')} (${count(s.sources, 'source')}, ${count(s.entries, 'entry', 'entries')},` +
      ` ${count(s.workspaces, 'workspace')})`,
  );
  return out.join('\n') + '\n';
}

function groupByFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const files = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = files.get(d.file);
    if (group === undefined) files.set(d.file, [d]);
    else group.push(d);
  }
  return files;
}

function position(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
