// What every family's random-edit generator is made of (test/families/<name>/edits.ts): an edit of the
// files of an example, and a random replacement of one match of a pattern.

/** One random edit: the file and its new text (null: deleted), or null when it found nothing to edit. */
export type Edit = (files: Map<string, string>, pick: <T>(xs: T[]) => T) => [string, string | null] | null;

/** The text with one match of `re` (picked at random) replaced by `make(match)`; null when nothing matches. */
export const replaceRandom = (
  text: string,
  re: RegExp,
  pick: <T>(xs: T[]) => T,
  make: (m: RegExpExecArray) => string,
): string | null => {
  const matches = [...text.matchAll(new RegExp(re.source, 'gm'))];
  if (matches.length === 0) return null;
  const m = pick(matches) as unknown as RegExpExecArray;
  return text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length);
};
