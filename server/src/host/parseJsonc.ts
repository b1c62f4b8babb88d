// Parses JSON with comments and trailing commas (the dialect of VS Code's settings.json) without
// pulling in a dependency: comments and trailing commas are blanked outside strings, then JSON.parse.
export function parseJsonc(text: string): unknown {
  let out = '';
  let pendingComma = -1; // index in `out` of a comma not yet followed by a value
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, ++i);
      pendingComma = -1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else {
      if ((c === '}' || c === ']') && pendingComma >= 0) out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`;
      if (c === ',') pendingComma = out.length;
      else if (!/\s/.test(c)) pendingComma = -1;
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}
