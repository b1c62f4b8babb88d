// The anchors a markdown page has on GitHub, for the tests that check links into the docs: explicit
// `<a id="…">` anchors and each heading's slug (GitHub's rule: lower case, punctuation dropped but `-`
// and `_`, spaces to `-`, a repeated slug suffixed `-1`, `-2`, …). Fenced code is not markdown.
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/`([^`]*)`/g, '$1') // code spans keep their text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/<[^>]+>/g, ''); // inline HTML goes
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

export function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  const anchors = new Set<string>();
  for (const m of prose.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1] as string);
  const seen = new Map<string, number>();
  for (const m of prose.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = githubSlug(m[1] as string);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}
