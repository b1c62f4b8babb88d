// Makes the `path:line:col` locations of an Explain Resolution document clickable. Paths are
// relative to the workspace folder recorded in the document's URI (`?folder=`).
import * as vscode from 'vscode';
import { explainLocations } from './explainLocations';

export const EXPLAIN_SCHEME = 'registry-explain';

export function explainUri(folder: string, step: string, context: string): vscode.Uri {
  const query = new URLSearchParams({ folder, context }).toString();
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/Explain ${step} (${context})`, query });
}

export class ExplainLinks implements vscode.DocumentLinkProvider {
  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const folder = new URLSearchParams(doc.uri.query).get('folder');
    if (folder === null) return [];
    const root = vscode.Uri.parse(folder);
    const text = doc.getText();
    const links: vscode.DocumentLink[] = [];
    for (const { index, length, file, line, col } of explainLocations(text)) {
      const target = vscode.Uri.joinPath(root, file).with({ fragment: `L${line},${col}` });
      const range = new vscode.Range(doc.positionAt(index), doc.positionAt(index + length));
      links.push(new vscode.DocumentLink(range, target));
    }
    return links;
  }
}
