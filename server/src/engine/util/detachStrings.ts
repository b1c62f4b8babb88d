// The core's door for facts that outlive the text they were read from: their strings are replaced by
// copies that keep no text alive. V8 keeps a string cut from another one (13 characters or more) as a
// view into it, and a string built from such a cut as a chain holding it: a workspace registry's
// descriptions and messages kept all of its text, and each entry a splice re-read kept its version of
// the file. A copy is the string's one kept copy (util/intern) when it has one, else a copy of its own,
// one per distinct string copied at once. Literals go through literal.ts's `litCopiedOutOfText`.
import type { Diagnostic } from '../types';
import { freshCopy, kept } from './intern';

/** V8 cuts strings this long or longer as views (SlicedString::kMinLength). */
const VIEW_LENGTH = 13;

/** A function giving each string a copy that is no view into another string (shorter ones are copies already). */
export function stringCopier(): (s: string) => string {
  const copies = new Map<string, string>();
  return (s) => {
    if (s.length < VIEW_LENGTH) return s;
    const k = kept(s);
    if (k !== undefined) return k;
    let c = copies.get(s);
    if (c === undefined) copies.set(s, (c = freshCopy(s)));
    return c;
  };
}

/**
 * A file's facts and diagnostics, their strings copied out of its text in place (the facts' through the family's
 * `stringsOf`).
 */
export function factsCopiedOutOfText<F>(
  facts: F | null | undefined,
  local: readonly Diagnostic[] | undefined,
  stringsOf: (facts: F, each: (s: string) => string) => void,
): void {
  const copy = stringCopier();
  if (facts !== null && facts !== undefined) stringsOf(facts, copy);
  for (const d of local ?? []) diagnosticStrings(d, copy);
}

function diagnosticStrings(d: Diagnostic, each: (s: string) => string): void {
  d.message = each(d.message);
  for (const r of d.related) r.message = each(r.message);
  for (const f of d.fixes) {
    f.title = each(f.title);
    for (const fe of f.edits) for (const t of fe.edits) t.newText = each(t.newText);
    for (const c of f.createFiles ?? []) c.text = each(c.text);
  }
}
