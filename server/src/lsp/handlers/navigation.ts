// Go to definition and find references of steps, classes and module ids.
import { toLocation } from '../convert';
import { fileAt } from './cells';
import type { FeatureHost } from './features';

export function registerNavigation(s: FeatureHost): void {
  s.connection.onDefinition((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) => {
      const at = fileAt(t, p.position);
      return at ? t.folder.engine.definition(t.rel, at).map((l) => toLocation(t.folder, l)) : [];
    }),
  );

  s.connection.onReferences((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) => {
      const at = fileAt(t, p.position);
      const found = at ? t.folder.engine.references(t.rel, at, p.context.includeDeclaration) : [];
      return found.map((l) => toLocation(t.folder, l));
    }),
  );
}
