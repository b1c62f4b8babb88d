// Hover: the resolved entry under the cursor, as the engine renders it.
import { toHover } from '../convert';
import { fileAt, inDocument } from './cells';
import type { FeatureHost } from './features';

export function registerHover(s: FeatureHost): void {
  s.connection.onHover((p, token) =>
    s.query(p.textDocument.uri, token, null, (t) => {
      const at = fileAt(t, p.position);
      const hover = at && t.folder.engine.hover(t.rel, at);
      return toHover(hover && (inDocument(t, [hover])[0] ?? null));
    }),
  );
}
