// The help of each diagnostic code for SARIF rules (GitHub shows it beside an alert): the code's section
// of docs/diagnostics.md, which scripts/build.mjs bundles as text (esbuild's text loader), so the help
// the CLI writes is the page of the same commit and nobody copies it. Links are made absolute, since
// the help is read far from the repository.
import DIAGNOSTICS_MD from '../../../docs/diagnostics.md';
import { CODES_DOC, HOME_URL, codeAnchor } from '../engine/codes';
import type { Code } from '../engine/types';

export interface CodeHelp {
  /** The section's first paragraph, as plain text. */
  fullDescription: string;
  /** The section's body as plain text (links reduced to their label). */
  text: string;
  /** The section's body as markdown, its relative links made absolute. */
  markdown: string;
}

/** Each code's section body by anchor: after its heading, up to the next anchor or heading of the page. */
const sections = new Map<string, string>(
  [...DIAGNOSTICS_MD.matchAll(/^<a id="(rl\d+)"><\/a>\n## [^\n]*\n([^]*?)(?=^<a id=|^#{1,2} |(?![^]))/gm)].map((m) => [
    m[1] as string,
    (m[2] as string).trim(),
  ]),
);

/** The help of a code; undefined without a section in docs/diagnostics.md (test/engine/codes.test.ts forbids that). */
export function codeHelp(code: Code): CodeHelp | undefined {
  const body = sections.get(codeAnchor(code));
  if (body === undefined) return undefined;
  const markdown = body.replace(/\]\(([^)\s]+)\)/g, (_, target: string) => `](${absolute(target)})`);
  const text = body.replace(/\[([^\]]*)\]\([^)\s]+\)/g, '$1');
  const first = text.split(/\n\s*\n|\n```/)[0] ?? '';
  return { fullDescription: first.replace(/\s+/g, ' ').trim(), text, markdown };
}

/** A link of docs/diagnostics.md as seen from anywhere: the page on the project's site. */
function absolute(target: string): string {
  if (/^[a-z][\w+.-]*:/i.test(target)) return target;
  const url = new URL(target, `https://repository/${CODES_DOC}`);
  return `${HOME_URL}/blob/main${url.pathname}${url.hash}`;
}
