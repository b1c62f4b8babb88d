// A dict literal assigned in a class body (`class StepCatalog: LEGACY_ALIASES = {...}`), which the
// module reader (facts.ts) does not read: it reads top-level assignments only. The literal is read by the
// same scanner as a top-level one, so anything it does not fully understand is null, never a guess.
import type { DictEntry } from '../literal';
import { LineIndex } from '../text/lineIndex';
import { Abort, Scanner } from './literalScanner';

/** The entries of `<name> = {...}` at the first indented line assigning it, null when absent or not a plain literal. */
export function classDictEntries(text: string, name: string): DictEntry[] | null {
  const at = new RegExp(`^[ \\t]+${name}[ \\t]*(?::[^=\\n\\r\\u2028\\u2029]*)?=[ \\t]*(?=\\{)`, 'm').exec(text);
  if (!at) return null;
  const s = new Scanner(text, text.length, new LineIndex(text));
  try {
    s.pos = at.index + at[0].length;
    const v = s.value(0);
    return v.kind === 'dict' ? v.entries : null;
  } catch (e) {
    if (e instanceof Abort) return null;
    throw e;
  }
}
