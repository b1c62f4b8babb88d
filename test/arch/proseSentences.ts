// The sentences of a markdown page's prose, with the line each starts on, for the test that keeps the
// user docs readable: fenced code, tables, headings and HTML lines are not prose; a list item or a
// quoted paragraph is prose of its own; a code span is one word, a link counts by its text, a URL
// not at all. Every pattern here is linear: no two adjacent quantifiers can match the same text.

export interface Sentence {
  readonly line: number;
  readonly words: number;
  readonly text: string;
}

/** A code span's stand-in: one word that no sentence boundary or abbreviation test mistakes for text. */
const CODE = '\u0001';
/** Abbreviations whose final dot ends no sentence ("e.g. `x`", "i.e. The", "cf. RL001", "vs. npm"). */
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'cf.', 'vs.', 'approx.', 'no.', 'fig.', 'resp.', 'incl.']);
/** What may close a sentence after its full stop: quotes, brackets, emphasis. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_']);
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)]) /;

interface Paragraph {
  readonly line: number;
  readonly lines: string[];
}

/** A page's lines, each fenced code line (its fences included) as `undefined`: code is not prose. */
export function linesOutsideCode(markdown: string): (string | undefined)[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (mark !== undefined && mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      return undefined;
    }
    if (mark !== undefined) fence = mark;
    return fence === undefined ? line : undefined;
  });
}

/** The prose paragraphs of a page: each a run of lines, a list item starting one of its own. */
function paragraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  const close = () => {
    if (current) out.push(current);
    current = undefined;
  };
  linesOutsideCode(markdown).forEach((raw, i) => {
    const text = raw?.replace(/^ *(?:> ?)*/, '').trim() ?? '';
    if (text === '' || /^(?:\||#|<|\[[^\]]*\]:)/.test(text)) {
      close();
      return;
    }
    const item = LIST_ITEM.exec(text);
    if (item) close();
    if (!current) current = { line: i + 1, lines: [] };
    current.lines.push(item ? text.slice(item[0].length) : text);
  });
  close();
  return out;
}

/**
 * A paragraph's text with each code span one word, links their text, URLs and inline HTML gone (newlines
 * kept, for line numbers), and the code spans in order, to quote a sentence as written.
 */
function clean(text: string): { text: string; code: string[] } {
  const keepLines = (s: string) => '\n'.repeat(s.split('\n').length - 1);
  const code: string[] = [];
  const cleaned = text
    .replace(/(?<!`)(`+)(?!`)[^`]+?\1(?!`)/g, (m) => {
      code.push(m.replaceAll('\n', ' '));
      return CODE + keepLines(m);
    })
    .replace(/!\[[^\]]*\]\([^)]*\)/g, (m) => keepLines(m))
    .replace(
      /\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g,
      (m, label: string) => label + keepLines(m.slice(label.length + 1)),
    )
    .replace(/<https?:[^>\s]*>|\bhttps?:\/\/\S*[^\s.,;:!?)]/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return { text: cleaned, code };
}

/** Whether a word that ends in `.`, `!` or `?` (closing quotes, brackets or emphasis after it) ends its sentence. */
function endsSentence(word: string, next: string | undefined): boolean {
  let end = word.length;
  while (end > 0 && CLOSERS.has(word[end - 1] as string)) end--;
  const bare = word.slice(0, end);
  if (!/[.!?]$/.test(bare) || bare.endsWith('..')) return false;
  if (ABBREVIATIONS.has(bare.replace(/^["'“‘(*_[]+/, '').toLowerCase())) return false;
  // a single capital with its dot is an initial ("J. Smith")
  if (/^[A-Z]\.$/.test(bare)) return false;
  if (next === undefined) return true;
  // project names start sentences in lower case ("cursus's loader …", "apcore-python 0.18 …") after a full
  // stop; "etc." and a question or exclamation in passing ("(move or rename?) and …") end one only before a capital
  return (
    /^["'“‘(*_[]*[A-Z0-9\u0001]/.test(next) ||
    (bare.endsWith('.') && !/\betc\.$/i.test(bare) && /^["'“‘(*_[]*[a-z]/.test(next))
  );
}

/** The sentences of a page's prose, in order. */
export function sentences(markdown: string): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs(markdown)) {
    const { text, code } = clean(p.lines.join('\n'));
    const tokens = [...text.matchAll(/\S+/g)];
    let spans = 0;
    let start = 0;
    tokens.forEach((t, i) => {
      if (i + 1 < tokens.length && !endsSentence(t[0], tokens[i + 1]?.[0])) return;
      const words = tokens.slice(start, i + 1).map((w) => w[0]);
      const first = tokens[start]?.index ?? 0;
      out.push({
        line: p.line + text.slice(0, first).split('\n').length - 1,
        words: words.filter((w) => /[\p{L}\p{N}\u0001]/u.test(w)).length,
        text: words.join(' ').replace(/\u0001/g, () => code[spans++] ?? '`…`'),
      });
      start = i + 1;
    });
  }
  return out.filter((s) => s.words > 0);
}
