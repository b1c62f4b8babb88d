// Each diagnostic code's link (LSP `codeDescription.href`) to its section of the diagnostics reference
// shipped beside the server (docs/diagnostics.md, in the .vsix and the npm package): a file URI with the
// line of the section's heading (`#L120`), which VS Code opens in an editor at that line from the Problems
// panel, the hover and the peek view alike, offline. A `command:` URI would not do: the hover and the peek
// view open their code link without `allowCommands`, so VS Code drops it there.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { codeAnchor } from '../engine/codes';
import type { Code } from '../engine/types';

export type CodeHref = (code: Code) => string;

/** The links into the reference at `docPath`, read once; without the file, links name the file alone. */
export function codeDocLinks(docPath: string): CodeHref {
  const file = pathToFileURL(docPath).href;
  const headings = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync(docPath, 'utf8');
  } catch {
    /* not shipped beside this server */
  }
  text.split(/\r?\n/).forEach((line, i) => {
    const anchor = /^<a id="(rl\d+)"><\/a>$/.exec(line)?.[1];
    // the heading is the line below the anchor; editors number lines from 1
    if (anchor !== undefined) headings.set(anchor, i + 2);
  });
  return (code) => {
    const line = headings.get(codeAnchor(code));
    return line === undefined ? file : `${file}#L${line}`;
  };
}
