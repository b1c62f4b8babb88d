// Copies of strings cut from a file's text, so the engine can let the text go (Workspace.release)
// while it keeps what was read from it. V8 keeps a string cut from another one (13 characters or
// more) as a view into it, and a string built from such a cut as a chain holding it: a workspace
// registry's descriptions and messages kept all of its text. A copy is the string's one kept copy
// (util/intern) when it has one, else a copy of its own, one per distinct string of the file.
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
