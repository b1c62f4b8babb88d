// A diagnostic's code opens its section of the diagnostics reference shipped in the extension rendered
// (the Markdown preview, scrolled to the section), not the raw file, editable, anchors showing. The server
// links to the file at the heading's line (`file:…/docs/diagnostics.md#L120`), which any editor opens;
// here that link is given a scheme of its own, which nothing but a code link uses, so opening it (from the
// Problems panel, the hover or the peek view alike: they open a code's link as an editor, and would drop a
// `command:` link) is known for what it is: its read-only copy is replaced by the preview at the section.
// The heading's line travels in the link's query too: the editor takes the fragment (`#L120`) for a selection
// and drops it, and the selection reaches the extension only after the editor is active, if at all.
import * as vscode from 'vscode';
import { headingSlug } from './headingSlug';

export const CODE_DOCS_SCHEME = 'registry-lens-docs';

export class CodeDocs implements vscode.TextDocumentContentProvider {
  constructor(private readonly file: vscode.Uri) {}

  /** A code's link as VS Code shows it: the server's link into the shipped reference, in this scheme. */
  link(target: vscode.Uri): vscode.Uri {
    return target.scheme === 'file' && target.fsPath === this.file.fsPath
      ? vscode.Uri.from({
          scheme: CODE_DOCS_SCHEME,
          path: this.file.path,
          query: target.fragment,
          fragment: target.fragment,
        })
      : target;
  }

  /** The reference's text, the read-only view of a code link until the preview replaces it. */
  async provideTextDocumentContent(): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
  }

  /** An editor that became active: if a code link opened it, the preview at its section instead. */
  async opened(editor: vscode.TextEditor | undefined): Promise<void> {
    if (editor?.document.uri.scheme !== CODE_DOCS_SCHEME) return;
    const line = /^L(\d+)$/.exec(editor.document.uri.query)?.[1];
    const heading = sectionHeading(
      editor.document,
      line === undefined ? editor.selection.active.line : Number(line) - 1,
    );
    const at = heading === undefined ? this.file : this.file.with({ fragment: headingSlug(heading) });
    try {
      await vscode.commands.executeCommand('markdown.showPreview', at);
    } catch {
      return; // no Markdown preview (the built-in extension disabled): the read-only view stays
    }
    const uri = editor.document.uri.toString();
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri);
    await vscode.window.tabGroups.close(tabs);
  }
}

/** The text of the `## ` heading at `line` or the nearest above it. */
function sectionHeading(document: vscode.TextDocument, line: number): string | undefined {
  for (let i = Math.min(line, document.lineCount - 1); i >= 0; i--) {
    const m = /^## (.+)$/.exec(document.lineAt(i).text);
    if (m) return m[1];
  }
  return undefined;
}
