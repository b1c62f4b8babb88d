// Rename a step everywhere it is defined or referenced (registries, overrides, meta files).
import { toWorkspaceEdit } from '../convert';
import type { FeatureHost } from './features';

export function registerRename(s: FeatureHost): void {
  s.connection.onPrepareRename((p, token) =>
    s.query(p.textDocument.uri, token, null, ({ folder, rel }) => folder.engine.prepareRename(rel, p.position)),
  );

  s.connection.onRenameRequest((p, token) =>
    s.query(p.textDocument.uri, token, null, ({ folder, rel }) => {
      const result = folder.engine.rename(rel, p.position, p.newName);
      return result === null ? null : toWorkspaceEdit(folder, result.edits, s.edits);
    }),
  );
}
