// Document outline (registries, entries, fields) and workspace-wide symbol search over all entries.
import { toDocumentSymbol, toWorkspaceSymbol } from '../convert';
import type { Session } from '../session';

export function registerSymbols(s: Session): void {
  s.connection.onDocumentSymbol((p, token) =>
    // A notebook's outline is its cells' own: the file's symbols are not split among them.
    s.query(p.textDocument.uri, token, [], ({ folder, rel, cell }) =>
      cell === undefined ? folder.engine.documentSymbols(rel).map(toDocumentSymbol) : [],
    ),
  );

  s.connection.onWorkspaceSymbol((p, token) =>
    s.queryAll(token, (folder) => folder.engine.workspaceSymbols(p.query).map((sym) => toWorkspaceSymbol(folder, sym))),
  );
}
