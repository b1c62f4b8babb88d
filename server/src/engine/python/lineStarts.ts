// Steps from one line of Python source to the next without parsing it: the recovery of a registry
// file being typed and the skeleton of a registry file (skeleton.ts) look for top-level statements at
// line starts.

/** The start of the next line, whatever its content. */
export function nextRawLine(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol + 1;
}

/** The start of the next line, stepping over strings (triple-quoted ones span lines). */
export function nextLine(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i) && (triple || text[i] !== '\n'))
        i += text[i] === '\\' ? 2 : 1;
      if (text.startsWith(quote, i)) i += quote.length;
      // An unclosed triple-quoted string (a quote deleted) would hide the rest of the file: it ends its line.
      else if (triple) {
        const eol = text.indexOf('\n', start);
        return eol < 0 ? text.length : eol + 1;
      }
      continue;
    }
    i++;
  }
  return i;
}
