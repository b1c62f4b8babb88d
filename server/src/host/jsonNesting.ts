// jsonc-parser's `parse` recurses once per level of nesting, so a settings file nested some thousands
// deep (valid JSON, under the size limit) overflows the stack. This linear scan of the brackets outside
// strings and comments finds where the nesting first passes a bound, before anything recurses.

/** The offset of the first bracket nested deeper than `limit` in JSON with comments, or null. */
export function jsonNestingPast(text: string, limit: number): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}
