// Decoding of Python string literal bodies, shared by the tree walk and the literal scanner so both
// read escapes exactly as tree-sitter-python's grammar delimits them.

/** Escape sequences as tree-sitter-python's grammar reads them. */
const ESCAPE = /\\(?:u[a-fA-F\d]{4}|U[a-fA-F\d]{8}|x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\])|\\N\{[^}]+\}/g;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

export function unescape(seq: string): string {
  const c = seq[1] ?? '';
  if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c] ?? '';
  if (c === 'x' || c === 'u' || c === 'U') {
    const code = parseInt(seq.slice(2), 16);
    return Number.isNaN(code) || code > 0x10ffff ? seq : String.fromCodePoint(code);
  }
  if (c === '\n') return '';
  return seq;
}

/** The value of a string literal's body (between the quotes); raw strings keep their backslashes. */
export function decodeBody(body: string, raw: boolean): string {
  return raw || !body.includes('\\') ? body : body.replace(ESCAPE, unescape);
}
