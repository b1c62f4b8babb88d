// Per-line suppression comments, honoured for every file's diagnostics (editor and CLI alike):
// `# registry-lens: ignore[RL003]` (several codes: `ignore[RL003, RL005]`; all codes: `ignore`) at the
// end of the line a diagnostic starts on, or alone on the line above it. Python and YAML share `#`.
import type { Code, Diagnostic, Position, TextEdit } from '../types';
import { LineIndex } from '../text/lineIndex';

const COMMENT = /#\s*registry-lens:\s*ignore(?:\[([^\]]*)\])?/;

/** Codes suppressed on a line: a set of codes, 'all', or null. */
type Suppressed = Set<string> | 'all' | null;

function parseComment(line: string): Suppressed {
  const m = COMMENT.exec(line);
  if (!m) return null;
  if (m[1] === undefined) return 'all';
  return new Set(m[1].split(',').map((c) => c.trim().toUpperCase()).filter(Boolean));
}

const ownLine = (line: string): boolean => /^\s*#/.test(line);

function suppresses(s: Suppressed, code: Code): boolean {
  return s === 'all' || (s !== null && s.has(code));
}

/** Drops the diagnostics a suppression comment covers. */
export function applySuppressions(diags: Diagnostic[], text: string | undefined): Diagnostic[] {
  if (text === undefined || !text.includes('registry-lens:')) return diags;
  const lines = text.split(/\r\n|\r|\n/);
  const cache = new Map<number, Suppressed>();
  const at = (n: number): Suppressed => {
    if (!cache.has(n)) cache.set(n, n >= 0 && n < lines.length ? parseComment(lines[n] ?? '') : null);
    return cache.get(n) ?? null;
  };
  return diags.filter((d) => {
    const n = d.range.start.line;
    const above = n > 0 && ownLine(lines[n - 1] ?? '') ? at(n - 1) : null;
    return !suppresses(at(n), d.code) && !suppresses(above, d.code);
  });
}

/** The edit that suppresses `code` on `line`: a new trailing comment, or the code added to one already there. */
export function suppressionEdit(text: string, line: number, code: Code): TextEdit {
  const lines = new LineIndex(text);
  const lineText = lines.lineText(line).replace(/\r$/, '');
  const m = COMMENT.exec(lineText);
  if (m && m[1] !== undefined && m.index !== undefined) {
    const end = m.index + m[0].length - 1; // before ']'
    const pos: Position = { line, character: end };
    return { range: { start: pos, end: pos }, newText: `${m[1].trim() === '' ? '' : ', '}${code}` };
  }
  const trimmed = lineText.replace(/\s+$/, '');
  const start: Position = { line, character: trimmed.length };
  const end: Position = { line, character: lineText.length };
  return { range: { start, end }, newText: `${trimmed === '' ? '' : '  '}# registry-lens: ignore[${code}]` };
}
