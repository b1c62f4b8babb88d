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

/** A line that holds a suppression comment: what it suppresses, and whether the comment is all the line holds. */
interface CommentLine { suppressed: Suppressed; own: boolean }

/** A text's lines that mention `registry-lens:`, by line number. */
export type CommentTable = ReadonlyMap<number, CommentLine>;

/**
 * The lines that mention `registry-lens:`, found by searching for that word rather than reading every
 * line; null when none does.
 */
/** What every suppression comment holds. */
const MARK = 'registry-lens:';

/** Whether the text may hold a suppression comment (`commentLines` finds none otherwise). */
export function hasSuppressions(text: string): boolean {
  return text.includes(MARK);
}

export function commentLines(text: string): CommentTable | null {
  let at = text.indexOf(MARK);
  if (at < 0) return null;
  const lines = new LineIndex(text);
  const table = new Map<number, CommentLine>();
  for (; at >= 0; at = text.indexOf(MARK, at + 1)) {
    const line = lines.position(at).line;
    if (table.has(line)) continue;
    const lineText = lines.lineText(line);
    table.set(line, { suppressed: parseComment(lineText), own: ownLine(lineText) });
  }
  return table;
}

/** Drops the diagnostics a suppression comment of the file (its `commentLines`) covers. */
export function applySuppressions(diags: Diagnostic[], table: CommentTable | null): Diagnostic[] {
  if (!table) return diags;
  return diags.filter((d) => {
    const n = d.range.start.line;
    const above = n > 0 ? table.get(n - 1) : undefined;
    return !suppresses(table.get(n)?.suppressed ?? null, d.code) && !suppresses(above?.own ? above.suppressed : null, d.code);
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
