// Completion of field names, values, class names, step names and meta keys.
import { toCompletionItem } from '../convert';
import type { Session } from '../session';

export const TRIGGER_CHARACTERS = ['"', "'"];

export function registerCompletion(s: Session): void {
  s.connection.onCompletion((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) =>
      folder.engine.completion(rel, p.position).map(toCompletionItem),
    ),
  );
}
