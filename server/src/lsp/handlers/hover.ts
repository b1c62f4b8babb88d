// Hover: the resolved entry under the cursor, as the engine renders it.
import { toHover } from '../convert';
import type { FeatureHost } from './features';

export function registerHover(s: FeatureHost): void {
  s.connection.onHover((p, token) =>
    s.query(p.textDocument.uri, token, null, ({ folder, rel }) => toHover(folder.engine.hover(rel, p.position))),
  );
}
