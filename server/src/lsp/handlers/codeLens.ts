// Code lenses on entries ("overrides core", "shadowed in N workspaces", "N dependents").
import { toCodeLens } from '../convert';
import type { FeatureHost } from './features';

export function registerCodeLens(s: FeatureHost): void {
  s.connection.onCodeLens((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) =>
      folder.engine.codeLenses(rel).map((lens) => toCodeLens(p.textDocument.uri, lens)),
    ),
  );
}
