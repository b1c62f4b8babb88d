// Completion of field names, values, class names, step names and meta keys.
import { toCompletionItem } from '../convert';
import type { FeatureHost } from './features';

export const TRIGGER_CHARACTERS = ['"', "'"];

export function registerCompletion(s: FeatureHost): void {
  s.connection.onCompletion((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) =>
      folder.engine.completion(rel, p.position).map(toCompletionItem),
    ),
  );
}
