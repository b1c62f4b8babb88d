// Text from the workspace (names, values, paths, descriptions) shown as itself wherever it is put:
// hover and completion markdown is rendered by the client, so a name holding `[x](command:…)`,
// `<img …>` or a backtick must stay text, not become a link, HTML or the end of its code span; the
// plain-text Explain document goes to terminals and editors, so a line break or an escape sequence in
// a name must not forge lines or drive the terminal (issue 42, R16).

/** Control characters (C0, DEL, C1), the line and paragraph separators, and the bidirectional controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `s` with every control character written as an escape (`\n`, `\x1b`, `\u202e`): one line, nothing for a terminal to
 * act on.
 */
export function visible(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).padStart(width, '0');
}

/**
 * Markdown showing `s` as plain text: `<`, `>` and `&` as entities (inert as HTML too), every other ASCII
 * punctuation character that markdown reads backslash-escaped, except where no construct can use it —
 * `_` and `-` between two ASCII letters or digits (`echo_node`, `my-step`), `.` between two digits
 * (`1.0.0`), `)` but after the digits the text starts with (`1)` starts a list), and `,;?%/'"(`.
 * Control characters are written as escapes (`visible`), so the text is one line.
 */
export function mdText(s: string): string {
  const t = visible(s);
  let out = '';
  // Whether all before `i` is spaces then digits, where `1)` or `1.` would start a list.
  let marker = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    const before = t.charAt(i - 1);
    const entity = ENTITIES[c];
    if (entity !== undefined) out += entity;
    else if (!PUNCTUATION.has(c) || kept(c, before, t.charAt(i + 1), marker && DIGIT.test(before))) out += c;
    else out += `\\${c}`;
    marker &&= c === ' ' ? !DIGIT.test(before) : DIGIT.test(c);
  }
  return out;
}

/**
 * Markdown showing a text of several lines (a description) line by line: each line `mdText`, its indentation dropped
 * (four spaces would start a code block).
 */
export function mdLines(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((line) => mdText(line.trimStart()))
    .join('\n');
}

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/** ASCII punctuation markdown may read (CommonMark's backslash-escapable set, less `,;?%/'"(`). */
const PUNCTUATION = new Set('!#$)*+-.:=@[\\]^_`{|}~');
const ALNUM = /^[A-Z0-9]$/i;
const DIGIT = /^\d$/;

function kept(c: string, before: string, after: string, listMarker: boolean): boolean {
  if (c === '_' || c === '-') return ALNUM.test(before) && ALNUM.test(after);
  if (c === '.') return DIGIT.test(before) && DIGIT.test(after);
  if (c === ')') return !listMarker;
  return false;
}

/**
 * A code span showing `s`: its fence one backtick longer than the longest run of backticks inside, and
 * a space inside each end when `s` starts or ends with a backtick, or with a space at both ends (the
 * space CommonMark strips there); control characters written as escapes (`visible`).
 */
export function mdCode(s: string): string {
  const body = visible(s);
  if (body === '') return '` `';
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad =
    body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A table cell showing a value's JSON in a code span. GFM tables end a cell at a `|` even inside a code
 * span unless it is escaped, and renderers disagree on what escapes it: markdown-it and cmark-gfm look
 * at the one character before it, marked (VS Code) counts the backslashes before it (odd: escaped), and
 * both then drop one. JSON never writes an odd run of backslashes before a `|` (a backslash of the value
 * is `\\`), so one more backslash before each `|` is an odd run for both, and the cell keeps the value.
 * Cells of text need nothing more: `mdText` writes a `|` as `\|` and a backslash as `\\`.
 */
export function mdJsonCell(value: unknown): string {
  return mdCode(JSON.stringify(value) ?? String(value)).replace(/\|/g, '\\|');
}
