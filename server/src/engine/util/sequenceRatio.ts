// Python's `difflib.SequenceMatcher(None, a, b).ratio()`, character for character (its "autojunk" rule
// included), for checks that mirror a tool ranking names by it. Bounded: callers pass short names.
/** `2 * M / (len(a) + len(b))`, M the characters of the matching blocks `get_matching_blocks()` finds. */
export function sequenceRatio(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length + y.length === 0) return 1;
  const b2j = new Map<string, number[]>();
  y.forEach((c, j) => {
    const list = b2j.get(c);
    if (list) list.push(j);
    else b2j.set(c, [j]);
  });
  // autojunk: in a sequence of 200 or more, a character in over 1% of it (plus one) is never a match start
  if (y.length >= 200) {
    const most = Math.floor(y.length / 100) + 1;
    for (const [c, js] of [...b2j]) if (js.length > most) b2j.delete(c);
  }
  let matched = 0;
  const queue: [number, number, number, number][] = [[0, x.length, 0, y.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    let [bi, bj, size] = [alo, blo, 0];
    let lens = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(x[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (lens.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > size) [bi, bj, size] = [i - k + 1, j - k + 1, k];
      }
      lens = next;
    }
    while (bi > alo && bj > blo && x[bi - 1] === y[bj - 1]) [bi, bj, size] = [bi - 1, bj - 1, size + 1];
    while (bi + size < ahi && bj + size < bhi && x[bi + size] === y[bj + size]) size++;
    if (size === 0) continue;
    matched += size;
    if (alo < bi && blo < bj) queue.push([alo, bi, blo, bj]);
    if (bi + size < ahi && bj + size < bhi) queue.push([bi + size, ahi, bj + size, bhi]);
  }
  return (2 * matched) / (x.length + y.length);
}
