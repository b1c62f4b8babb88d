// Quick fixes of the diagnostics under the cursor (the engine computes them with the diagnostics), and
// "Fix all" (`source.fixAll.registryLens`): the file's unambiguous fixes in one edit.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { toCodeAction } from '../convert';
import type { Session } from '../session';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.registryLens`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether the client asked for `kind` (no `only`: everything but source actions, as LSP says). */
const wants = (only: string[] | undefined, kind: string): boolean =>
  only === undefined ? !kind.startsWith(CodeActionKind.Source) : only.some((k) => kind === k || kind.startsWith(`${k}.`));

export function registerCodeActions(s: Session): void {
  s.connection.onCodeAction((p, token) =>
    s.query(p.textDocument.uri, token, [], ({ folder, rel }) => {
      const only = p.context.only;
      const out: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        for (const { diagnostic, fix } of folder.engine.fixes(rel, p.range)) {
          const a = toCodeAction(folder, [diagnostic], fix, s.options.edits, CodeActionKind.QuickFix);
          if (a) out.push(a);
        }
      }
      if (wants(only, FIX_ALL_KIND)) {
        const fix = folder.engine.fixAll(rel);
        const a = fix && toCodeAction(folder, [], fix, s.options.edits, FIX_ALL_KIND);
        if (a) out.push(a);
      }
      return out;
    }));
}
