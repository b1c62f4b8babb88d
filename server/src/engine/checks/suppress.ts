// Per-line suppression comments, honoured for every file's diagnostics (editor and CLI alike):
// `# registry-lens: ignore[RL003]` (several codes: `ignore[RL003, RL005]`; all codes: `ignore`) at the
// end of the line a diagnostic starts on, or alone on the line above it. Python, YAML and TOML share `#`;
// JSON has no comments, so a JSON file (a DAG, a catalogue index) is never offered one (`holdsComments`).
// A comment that suppresses nothing (none of its codes matched a diagnostic of its target lines) gets
// RL033, computed here from the same file's diagnostics, so it follows each edit as they do.
import type { Code, Diagnostic, Position, Range, TextEdit } from '../types';
import { LineIndex } from '../text/lineIndex';
import { diag } from '../codes';

const COMMENT = /#\s*registry-lens:\s*ignore(?:\[([^\]]*)\])?/;

/** Codes suppressed on a line: a set of codes, 'all', or null. */
type Suppressed = Set<string> | 'all' | null;

function parseComment(line: string): Suppressed {
  const m = COMMENT.exec(line);
  if (!m) return null;
  if (m[1] === undefined) return 'all';
  return new Set(
    m[1]
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  );
}

const ownLine = (line: string): boolean => /^\s*#/.test(line);

function suppresses(s: Suppressed, code: Code): boolean {
  return s === 'all' || (s !== null && s.has(code));
}

/**
 * A line that holds a suppression comment: what it suppresses, whether the comment is all the line
 * holds, where the comment is, the inside of its `[...]` (null without one) and what removing it deletes.
 */
interface CommentLine {
  suppressed: Suppressed;
  own: boolean;
  comment: Range;
  list: Range | null;
  removal: Range;
}

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
    const m = COMMENT.exec(lineText);
    const own = ownLine(lineText);
    const span = (from: number, to: number): Range => ({
      start: { line, character: from },
      end: { line, character: to },
    });
    const start = m?.index ?? 0;
    const list = m?.[1] !== undefined ? span(start + m[0].length - 1 - m[1].length, start + m[0].length - 1) : null;
    table.set(line, {
      suppressed: parseComment(lineText),
      own,
      comment: span(start, start + (m?.[0].length ?? 0)),
      list,
      removal: removal(lines, line, lineText, own, start),
    });
  }
  return table;
}

/**
 * What removing a comment deletes: its whole line (with one line end) when it is alone there, else it and the spaces
 * before it, to the line's end.
 */
function removal(lines: LineIndex, line: number, lineText: string, own: boolean, start: number): Range {
  if (!own) {
    const from = lineText.slice(0, start).trimEnd().length;
    return { start: { line, character: from }, end: { line, character: lineText.length } };
  }
  if (line + 1 < lines.lineCount()) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  const prev = line > 0 ? { line: line - 1, character: lines.lineText(line - 1).length } : { line, character: 0 };
  return { start: prev, end: { line, character: lineText.length } };
}

/** Drops the diagnostics a suppression comment of the file (its `commentLines`) covers. */
export function applySuppressions(diags: Diagnostic[], table: CommentTable | null): Diagnostic[] {
  if (!table) return diags;
  return diags.filter((d) => {
    const n = d.range.start.line;
    const above = n > 0 ? table.get(n - 1) : undefined;
    return (
      !suppresses(table.get(n)?.suppressed ?? null, d.code) && !suppresses(above?.own ? above.suppressed : null, d.code)
    );
  });
}

/**
 * RL033 on each suppression comment of `file` that suppresses nothing in `diags` (the file's diagnostics
 * before suppression): a comment without codes that covers none, or the codes of a list that cover none
 * (then the fix keeps the others). `ignore[RL003, RL005]` over an RL003 only reports RL005.
 */
export function unusedSuppressions(
  file: string,
  diags: readonly Diagnostic[],
  table: CommentTable | null,
): Diagnostic[] {
  if (!table) return [];
  const used = new Map<number, Set<Code>>();
  const mark = (line: number, c: CommentLine | undefined, code: Code): void => {
    if (!c || !suppresses(c.suppressed, code)) return;
    const set = used.get(line) ?? new Set<Code>();
    set.add(code);
    used.set(line, set);
  };
  for (const d of diags) {
    const n = d.range.start.line;
    mark(n, table.get(n), d.code);
    const above = n > 0 ? table.get(n - 1) : undefined;
    if (above?.own) mark(n - 1, above, d.code);
  }
  const out: Diagnostic[] = [];
  for (const [line, c] of table) {
    if (c.suppressed === null) continue;
    const hit = used.get(line);
    const remove = { range: c.removal, newText: '' };
    if (c.suppressed === 'all') {
      if (!hit)
        out.push(
          diag(
            file,
            c.comment,
            'RL033',
            'This suppression comment suppresses nothing: no diagnostic is reported on the line it covers',
            {
              fixes: [
                { title: 'Remove the unused suppression comment', edits: [{ file, edits: [remove] }], preferred: true },
              ],
              tags: ['unnecessary'],
            },
          ),
        );
      continue;
    }
    const unused = [...c.suppressed].filter((code) => !hit?.has(code as Code));
    if (unused.length === 0) continue;
    const kept = [...c.suppressed].filter((code) => !unused.includes(code));
    const edit = kept.length === 0 || !c.list ? remove : { range: c.list, newText: kept.join(', ') };
    const title =
      kept.length === 0
        ? 'Remove the unused suppression comment'
        : `Remove ${unused.join(', ')} from the suppression comment`;
    out.push(
      diag(
        file,
        c.comment,
        'RL033',
        `Unused suppression: ${unused.length === 1 ? 'no' : 'none of'} ${unused.join(', ')} ` +
          'is reported on the line this comment covers',
        { fixes: [{ title, edits: [{ file, edits: [edit] }], preferred: true }], tags: ['unnecessary'] },
      ),
    );
  }
  return out;
}

/**
 * Whether a suppression comment can be written into `file`: not into JSON, which has no comments (one
 * there would stop the file loading: `json.load` fails on `#`). Its diagnostics are silenced by settings.
 */
export function holdsComments(file: string): boolean {
  return !/\.json$/i.test(file);
}

/**
 * The edit that suppresses `code` on `line`: the code added to the comment already there, else a new trailing
 * comment — or, when the line ends in a backslash (a comment after it ends the line too early: Python's
 * line continuation becomes a syntax error), a comment alone on the line above; null when that line
 * continues too, where no comment can go.
 */
export function suppressionEdit(text: string, line: number, code: Code): TextEdit | null {
  const lines = new LineIndex(text);
  const lineText = lines.lineText(line).replace(/\r$/, '');
  const m = COMMENT.exec(lineText);
  if (m && m[1] !== undefined && m.index !== undefined) {
    const end = m.index + m[0].length - 1; // before ']'
    const pos: Position = { line, character: end };
    return { range: { start: pos, end: pos }, newText: `${m[1].trim() === '' ? '' : ', '}${code}` };
  }
  const trimmed = lineText.trimEnd();
  const comment = `# registry-lens: ignore[${code}]`;
  if (continues(trimmed)) {
    if (line > 0 && continues(lines.lineText(line - 1))) return null;
    const at: Position = { line, character: 0 };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { range: { start: at, end: at }, newText: `${/^\s*/.exec(lineText)?.[0] ?? ''}${comment}${eol}` };
  }
  const start: Position = { line, character: trimmed.length };
  const end: Position = { line, character: lineText.length };
  return { range: { start, end }, newText: `${trimmed === '' ? '' : '  '}${comment}` };
}

/** Whether a line continues on the next: it ends (spaces and a CR aside) in an odd run of backslashes. */
function continues(line: string): boolean {
  let end = line.trimEnd().length;
  let odd = false;
  // counted by hand: a pattern anchored at the end is tried from every backslash of a long run (quadratic)
  while (end > 0 && line[end - 1] === '\\') {
    odd = !odd;
    end--;
  }
  return odd;
}
