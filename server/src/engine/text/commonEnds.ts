// Where two versions of a file differ, for the readers that re-read only what an edit touched (a
// Python registry's entries, a YAML document's children) and for tree-sitter's incremental reparse.

/** Characters compared at once by a native comparison of slices before going one by one (texts are whole files). */
const BLOCK = 256;

/** The length of the common prefix and of the common suffix (not overlapping the prefix) of two texts. */
export function commonEnds(before: string, after: string): [start: number, tail: number] {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK))
    start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail + BLOCK <= max - start &&
    before.slice(before.length - tail - BLOCK, before.length - tail) ===
      after.slice(after.length - tail - BLOCK, after.length - tail)
  )
    tail += BLOCK;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return [start, tail];
}
