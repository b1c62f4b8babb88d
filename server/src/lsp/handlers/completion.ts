// Completion of field names, values, class names, step names and meta keys.
import type { CompletionResult } from '../../engine/api';
import { toCompletionItem } from '../convert';
import { docRange, fileAt } from './cells';
import type { FeatureHost } from './features';

export const TRIGGER_CHARACTERS = ['"', "'"];

export function registerCompletion(s: FeatureHost): void {
  s.connection.onCompletion((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) => {
      const at = fileAt(t, p.position);
      return (at ? t.folder.engine.completion(t.rel, at) : [])
        .flatMap((c): CompletionResult[] => {
          const range = c.range === undefined ? undefined : docRange(t, c.range);
          return range === null ? [] : [{ ...c, ...(range ? { range } : {}) }];
        })
        .map(toCompletionItem);
    }),
  );
}
