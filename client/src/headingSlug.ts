// The id VS Code's Markdown preview gives a heading, so that a link can open the preview scrolled to a
// section (codeDocs.ts); kept apart from the vscode API so that a test can run it on every heading.
/**
 * The id VS Code's Markdown preview gives a heading (its GitHub-style slugifier over the heading's text:
 * inline code without its backticks, a link by its label).
 */
export function headingSlug(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
  return encodeURI(
    text
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(
        /[\][!'#$%&()*+,./:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g,
        '',
      )
      .replace(/^-+/, '')
      .replace(/-+$/, ''),
  );
}
