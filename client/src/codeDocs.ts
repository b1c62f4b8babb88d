// A diagnostic's code opens its section of the diagnostics reference shipped in the extension rendered
// (the Markdown preview, scrolled to the section), not the raw file, editable, anchors showing. The desktop
// server links to the file at the heading's line (`file:…/docs/diagnostics.md#L120`), which any editor
// opens; the browser's server links to the section's anchor (`…/docs/diagnostics.md#rl016`), since it
// cannot read the file. Here either link is given a scheme of its own, which nothing but a code link uses,
// so opening it (from the Problems panel, the hover or the peek view alike: they open a code's link as an
// editor, and would drop a `command:` link) is known for what it is: its read-only copy is replaced by the
// preview at the section. The line or anchor travels in the link's query too: the editor takes the fragment
// (`#L120`) for a selection and drops it, and the selection reaches the extension only after the editor is
// active, if at all.
import * as vscode from 'vscode';
import { headingSlug } from './headingSlug';

export const CODE_DOCS_SCHEME = 'registry-lens-docs';

export class CodeDocs implements vscode.TextDocumentContentProvider {
  /** `read` gives the reference's bytes (the browser fetches an extension's http(s) files). */
  constructor(
    private readonly file: vscode.Uri,
    private readonly read: (uri: vscode.Uri) => Thenable<Uint8Array> = (uri) => vscode.workspace.fs.readFile(uri),
  ) {}

  /** A code's link as VS Code shows it: the server's link into the shipped reference, in this scheme. */
  link(target: vscode.Uri): vscode.Uri {
    return this.isReference(target)
      ? vscode.Uri.from({
          scheme: CODE_DOCS_SCHEME,
          path: this.file.path,
          query: target.fragment,
          fragment: target.fragment,
        })
      : target;
  }

  /** The language client's diagnostics middleware: each code's link made one of this scheme. */
  readonly handleDiagnostics = (
    uri: vscode.Uri,
    diagnostics: vscode.Diagnostic[],
    next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void,
  ): void => {
    for (const d of diagnostics)
      if (typeof d.code === 'object') d.code = { value: d.code.value, target: this.link(d.code.target) };
    next(uri, diagnostics);
  };

  /** Opening this scheme's links: the read-only copy, then the preview in its place. */
  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.registerTextDocumentContentProvider(CODE_DOCS_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.opened(editor)),
    );
  }

  private isReference(target: vscode.Uri): boolean {
    if (target.scheme === 'file' && this.file.scheme === 'file') return target.fsPath === this.file.fsPath;
    return target.with({ fragment: '' }).toString() === this.file.toString();
  }

  /** The reference's text, the read-only view of a code link until the preview replaces it. */
  async provideTextDocumentContent(): Promise<string> {
    return new TextDecoder().decode(await this.read(this.file));
  }

  /** An editor that became active: if a code link opened it, the preview at its section instead. */
  async opened(editor: vscode.TextEditor | undefined): Promise<void> {
    if (editor?.document.uri.scheme !== CODE_DOCS_SCHEME) return;
    const heading = sectionHeading(editor.document, sectionLine(editor.document, editor.document.uri.query, editor));
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

/** The line a link's query names: `L120` (1-based), or the anchor `rl016` (its heading is the line below). */
function sectionLine(document: vscode.TextDocument, query: string, editor: vscode.TextEditor): number {
  const line = /^L(\d+)$/.exec(query)?.[1];
  if (line !== undefined) return Number(line) - 1;
  if (/^rl\d+$/.test(query))
    for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text === `<a id="${query}"></a>`) return i + 1;
  return editor.selection.active.line;
}

/** The text of the `## ` heading at `line` or the nearest above it. */
function sectionHeading(document: vscode.TextDocument, line: number): string | undefined {
  for (let i = Math.min(line, document.lineCount - 1); i >= 0; i--) {
    const m = /^## (.+)$/.exec(document.lineAt(i).text);
    if (m) return m[1];
  }
  return undefined;
}
