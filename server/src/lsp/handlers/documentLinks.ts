// Document links: the paths written in registries (ONEX `path`/`metadata_file`, an interface's script,
// id map `file`, a meta file's `entry_point`) open the file the loader resolves them to.
import { toDocumentLink } from '../convert';
import type { Session } from '../session';
import { inDocument } from './cells';

export function registerDocumentLinks(s: Session): void {
  s.connection.onDocumentLinks((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) =>
      inDocument(t, t.folder.engine.documentLinks(t.rel)).map((l) => toDocumentLink(t.folder, l)),
    ),
  );
}
