// Go to definition and find references of steps, classes and module ids.
import { toLocation } from '../convert';
import type { FeatureHost } from './features';

export function registerNavigation(s: FeatureHost): void {
  s.connection.onDefinition((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) =>
      folder.engine.definition(rel, p.position).map((l) => toLocation(folder, l)),
    ),
  );

  s.connection.onReferences((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) =>
      folder.engine.references(rel, p.position, p.context.includeDeclaration).map((l) => toLocation(folder, l)),
    ),
  );
}
