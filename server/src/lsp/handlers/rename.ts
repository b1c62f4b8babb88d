// Rename a step everywhere it is defined or referenced (registries, overrides, meta files).
import { toWorkspaceEdit } from '../convert';
import { fileAt, inDocument } from './cells';
import type { FeatureHost } from './features';

export function registerRename(s: FeatureHost): void {
  s.connection.onPrepareRename((p, token) =>
    s.query(p.textDocument.uri, token, null, (t) => {
      const at = fileAt(t, p.position);
      const found = at && t.folder.engine.prepareRename(t.rel, at);
      return found && (inDocument(t, [found])[0] ?? null);
    }),
  );

  s.connection.onRenameRequest((p, token) =>
    s.query(p.textDocument.uri, token, null, (t) => {
      const at = fileAt(t, p.position);
      const result = at && t.folder.engine.rename(t.rel, at, p.newName);
      return result ? toWorkspaceEdit(t.folder, result.edits, s.edits) : null;
    }),
  );
}
