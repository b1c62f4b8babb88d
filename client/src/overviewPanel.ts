// "Show Registry Overview" and "Show Step Graph": one webview panel rendering the registries of the
// folder and the step graph of the active file's context, or of the pipeline DAG that file is
// (client/webview/, bundled into dist/webview).
// It loads only those bundled files, under a Content-Security-Policy without inline script or remote
// resources; the data travels as a message and the page builds its DOM from it as text.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, type FolderOverview, type GraphParams, type GraphView } from '../../server/src/lsp/protocol';
import { serverFile } from './serverFile';
import type { DataMessage, Tab, WebviewMessage } from '../webview/messages';

export class OverviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private tab: Tab = 'overview';
  /** The file whose context the graph shows: the last file editor that was active. */
  private fileUri: vscode.Uri | undefined;
  /** A context picked in the graph's own picker: shown instead of the file's until another file is active. */
  private picked: string | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.fileUri = activeFile();
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => {
        const uri = activeFile();
        if (uri !== undefined && uri.toString() !== this.fileUri?.toString()) {
          this.fileUri = uri;
          this.picked = undefined;
          void this.refresh();
        }
      }),
    ];
  }

  /** Shows a tab; the graph is of `file` (a pipeline DAG's own graph, a context's otherwise) or the active file. */
  async show(tab: Tab, file?: vscode.Uri): Promise<void> {
    this.tab = tab;
    this.fileUri = file ?? activeFile() ?? this.fileUri;
    this.picked = undefined;
    if (this.panel === undefined) {
      const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
      const panel = vscode.window.createWebviewPanel(
        'registryLens.overview',
        'Registry Overview',
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          localResourceRoots: [root],
        },
      );
      this.panel = panel;
      panel.webview.html = html(panel.webview, root);
      panel.onDidDispose(() => {
        this.panel = undefined;
      });
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.received(m));
    } else {
      this.panel.reveal();
      await this.refresh();
    }
  }

  /** Re-renders when the panel is open (after each analysis). */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (panel === undefined || !this.client.isRunning()) return;
    const params: GraphParams = {
      ...(this.fileUri === undefined ? {} : { uri: this.fileUri.toString() }),
      ...(this.picked === undefined ? {} : { context: this.picked }),
    };
    const [overview, graph] = await Promise.all([
      this.client.sendRequest<FolderOverview[]>(Methods.overview, {}),
      this.client.sendRequest<GraphView | null>(Methods.graph, params),
    ]);
    const shown = graph?.file === undefined ? graph?.context : graph.file.path.split('/').pop();
    panel.title = this.tab === 'graph' && shown !== undefined ? `Step Graph (${shown})` : 'Registry Overview';
    const data: DataMessage = { kind: 'data', tab: this.tab, overview, graph };
    await panel.webview.postMessage(data);
  }

  private async received(m: WebviewMessage): Promise<void> {
    if (m.kind === 'ready') await this.refresh();
    else if (m.kind === 'tab') {
      this.tab = m.tab;
      await this.refresh();
    } else if (m.kind === 'graphContext') {
      this.picked = m.context;
      await this.refresh();
    } else if (m.kind === 'open') {
      const r = m.target.range;
      const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(m.target.uri), {
        selection,
        viewColumn: vscode.ViewColumn.One,
      });
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.panel?.dispose();
  }
}

function activeFile(): vscode.Uri | undefined {
  return serverFile(vscode.window.activeTextEditor?.document.uri);
}

/** The page: no registry data in it, only the bundled script and stylesheet the CSP allows. */
function html(webview: vscode.Webview, root: vscode.Uri): string {
  const src = webview.cspSource;
  const csp = `default-src 'none'; script-src ${src}; style-src ${src}; img-src ${src}; font-src ${src}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'style.css')).toString()}">
<title>Registry Overview</title>
</head>
<body>
<main id="app"></main>
<script src="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')).toString()}"></script>
</body>
</html>`;
}
