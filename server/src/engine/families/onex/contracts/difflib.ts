// Python's `difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)`, which infra's ContractLinter
// uses for its "did you mean" (validation/linter_contract.py:286): the same ratio (2·M / total length,
// M the characters of the matching blocks found by longest match, recursively) and the same tie-break
// (`heapq.nlargest` over (score, candidate): the greater candidate wins a tie). No junk heuristics:
// they apply only to sequences of 200 characters or more.

/** The characters of `a` and `b` in matching blocks, as `SequenceMatcher(None, b, a).ratio()` counts them. */
function matched(a: string, b: string, alo = 0, ahi = a.length, blo = 0, bhi = b.length, depth = 0): number {
  if (alo >= ahi || blo >= bhi || depth > 64) return 0;
  let bi = alo;
  let bj = blo;
  let k = 0;
  // Longest common block, earliest in `a`, then earliest in `b` (difflib's find_longest_match).
  for (let i = alo; i < ahi; i++) {
    for (let j = blo; j < bhi; j++) {
      let n = 0;
      while (i + n < ahi && j + n < bhi && a[i + n] === b[j + n]) n++;
      if (n > k) {
        k = n;
        bi = i;
        bj = j;
      }
    }
  }
  if (k === 0) return 0;
  return k + matched(a, b, alo, bi, blo, bj, depth + 1) + matched(a, b, bi + k, ahi, bj + k, bhi, depth + 1);
}

export function ratio(candidate: string, word: string): number {
  const total = candidate.length + word.length;
  return total === 0 ? 1 : (2 * matched(candidate, word)) / total;
}

/** The closest candidate at or above the cutoff, or null. Words over 200 characters are not compared (bounded cost). */
export function closeMatch(word: string, candidates: Iterable<string>, cutoff = 0.6): string | null {
  if (word.length > 200) return null;
  let best: { score: number; x: string } | null = null;
  for (const x of candidates) {
    const score = ratio(x, word);
    if (score < cutoff) continue;
    if (!best || score > best.score || (score === best.score && x > best.x)) best = { score, x };
  }
  return best?.x ?? null;
}
