// tree-sitter-python's error recovery on a long run of commas around a name (the fuzzer's workspace
// registry: a broken dict, then one line of a million commas with one identifier in it) costs 15–50 times
// what code costs per character, within the parse budget (every recovery step counts as one operation), and
// an error region is never reused by an incremental parse, so every keystroke pays it again. Python never
// allows two commas with only blanks between them, so such a run is a syntax error wherever it stands: all
// but its first two commas are blanked before parsing — same length, same line breaks, the error still
// where the run starts.
import { skipString } from './extraRuns';

/** Commas in a row (blanks between them allowed) from which a run is blanked. */
export const COMMA_RUN = 32;

/** Any two commas with only spaces or tabs between them: where a run can start. */
const TWO_COMMAS = /,[ \t]*,/;

/**
 * `text` with each run of at least COMMA_RUN commas outside strings and comments blanked after its second
 * comma; the same string when there is none.
 */
export function breakCommaRuns(text: string): string {
  if (!TWO_COMMAS.test(text)) return text;
  const runs: [number, number][] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text[i];
    if (c === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"' || c === "'") {
      i = Math.max(skipString(text, i), i + 1);
    } else if (c === ',') {
      let commas = 1;
      let second = -1;
      let last = i;
      let j = i + 1;
      for (; j < n && (text[j] === ',' || text[j] === ' ' || text[j] === '\t'); j++) {
        if (text[j] !== ',') continue;
        commas++;
        last = j;
        if (second < 0) second = j;
      }
      if (commas >= COMMA_RUN) runs.push([second + 1, last + 1]);
      i = j;
    } else {
      i++;
    }
  }
  if (runs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of runs) {
    out += text.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return out + text.slice(at);
}
