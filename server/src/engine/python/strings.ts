// Decoding of Python string literal bodies as CPython does, shared by the tree walk and the literal
// scanners (tree-sitter-python nests escape sequences inside string content, so the tree walk decodes
// the body's text too). `\N{name}` is kept as written: decoding it needs Unicode's name table.

/** Python's escape sequences (an unknown one, like `\q` or `\8`, is kept as written). */
const ESCAPE = /\\(?:u[a-fA-F\d]{4}|U[a-fA-F\d]{8}|x[a-fA-F\d]{2}|[0-7]{1,3}|\r?\n|[\r'"abfnrtv\\])/g;

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function unescape(seq: string): string {
  const c = seq[1] ?? '';
  if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c] ?? '';
  if (c === 'x' || c === 'u' || c === 'U') {
    const code = parseInt(seq.slice(2), 16);
    return Number.isNaN(code) || code > 0x10ffff ? seq : String.fromCodePoint(code);
  }
  if (c >= '0' && c <= '7') return String.fromCharCode(parseInt(seq.slice(1), 8));
  // A backslash before a line end continues the string on the next line.
  if (c === '\n' || c === '\r') return '';
  return seq;
}

/** The value of a string literal's body (between the quotes); raw strings keep their backslashes. */
export function decodeBody(body: string, raw: boolean): string {
  return raw || !body.includes('\\') ? body : body.replace(ESCAPE, unescape);
}
