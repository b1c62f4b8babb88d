// Code lenses on entries ("overrides core", "shadowed in N workspaces", "N dependents").
import { toCodeLens } from '../convert';
import { inDocument } from './cells';
import type { FeatureHost } from './features';

export function registerCodeLens(s: FeatureHost): void {
  s.connection.onCodeLens((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) =>
      inDocument(t, t.folder.engine.codeLenses(t.rel)).map((lens) => toCodeLens(p.textDocument.uri, lens)),
    ),
  );
}
