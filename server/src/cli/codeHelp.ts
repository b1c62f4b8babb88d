// The help of each diagnostic code for SARIF rules (GitHub shows it beside an alert): the code's section
// of docs/diagnostics.md, which scripts/build.mjs bundles as text (esbuild's text loader), so the help
// the CLI writes is the page of the same commit and nobody copies it. The help is read far from the
// repository and the project has no public page yet, so links become their label and the file they
// name (`docs/onex.md`), which every clone and package of Registry Lens has, and the help ends by
// naming its own section.
import DIAGNOSTICS_MD from '../../../docs/diagnostics.md';
import { CODES_DOC, codeAnchor } from '../engine/codes';
import type { Code } from '../engine/types';

export interface CodeHelp {
  /** The section's first paragraph, as plain text. */
  fullDescription: string;
  /** The section's body as plain text (links reduced to their label). */
  text: string;
  /** The section's body as markdown, each relative link its label and the file it names. */
  markdown: string;
}

/** Each code's section body by anchor: after its heading, up to the next anchor or heading of the page. */
const sections = new Map<string, string>(
  [...DIAGNOSTICS_MD.matchAll(/^<a id="(rl\d+)"><\/a>\n## [^\n]*\n([\s\S]*?)(?=^<a id=|^#{1,2} |(?![\s\S]))/gm)].map(
    (m) => [m[1] as string, (m[2] as string).trim()],
  ),
);

/** The help of a code; undefined without a section in docs/diagnostics.md (test/engine/codes.test.ts forbids that). */
export function codeHelp(code: Code): CodeHelp | undefined {
  const body = sections.get(codeAnchor(code));
  if (body === undefined) return undefined;
  const reference = `Reference: ${CODES_DOC}, section ${code}, in Registry Lens's clone or package.`;
  const markdown = body.replace(/\[([^[\]]*)\]\(([^()[\]\s]+)\)/g, (_, label: string, target: string) =>
    linked(label, target),
  );
  const text = body.replace(/\[([^[\]]*)\]\([^()[\]\s]+\)/g, '$1');
  const first = text.split(/\n\s*\n|\n```/)[0] ?? '';
  return {
    fullDescription: first.replace(/\s+/g, ' ').trim(),
    text: `${text}\n\n${reference}`,
    markdown: `${markdown}\n\n${reference}`,
  };
}

/** A link of docs/diagnostics.md as read anywhere: kept when absolute, else its label and the file it names. */
function linked(label: string, target: string): string {
  if (/^[a-z][\w+.-]*:/i.test(target)) return `[${label}](${target})`;
  if (target.startsWith('#')) return label;
  const url = new URL(target, `https://repository/${CODES_DOC}`);
  return `${label} (\`${url.pathname.slice(1)}${url.hash}\`)`;
}
