// Quick fixes of the diagnostics under the cursor (the engine computes them with the diagnostics).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { toCodeAction } from '../convert';
import type { Session } from '../session';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

export function registerCodeActions(s: Session): void {
  s.connection.onCodeAction((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) => {
      const only = p.context.only;
      if (only !== undefined && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      return folder.engine.fixes(rel, p.range)
        .map(({ diagnostic, fix }) => toCodeAction(folder, diagnostic, fix, s.options.edits))
        .filter((a): a is CodeAction => a !== null);
    }));
}
