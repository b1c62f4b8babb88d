// Quick fixes of the diagnostics under the cursor (the engine computes them with the diagnostics), and
// "Fix all" (`source.fixAll.registryLens`): the file's unambiguous fixes in one edit, then the client's
// command that says what it did.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { toCodeAction } from '../convert';
import { FIX_ALL_DONE, type FixAllDone } from '../protocol';
import { fileAt, inDocument } from './cells';
import type { FeatureHost } from './features';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.registryLens`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether the client asked for `kind` (no `only`: everything but source actions, as LSP says). */
const wants = (only: string[] | undefined, kind: string): boolean =>
  only === undefined
    ? !kind.startsWith(CodeActionKind.Source)
    : only.some((k) => kind === k || kind.startsWith(`${k}.`));

export function registerCodeActions(s: FeatureHost): void {
  s.connection.onCodeAction((p, token) =>
    s.query(p.textDocument.uri, token, [], (t) => {
      const { folder, rel } = t;
      const only = p.context.only;
      const out: CodeAction[] = [];
      const start = fileAt(t, p.range.start);
      const end = fileAt(t, p.range.end);
      if (wants(only, CodeActionKind.QuickFix) && start && end) {
        for (const { diagnostic, fix } of folder.engine.fixes(rel, { start, end })) {
          const a = toCodeAction(folder, inDocument(t, [diagnostic]), fix, s.edits, CodeActionKind.QuickFix);
          if (a) out.push(a);
        }
      }
      if (wants(only, FIX_ALL_KIND)) {
        const fix = folder.engine.fixAll(rel);
        const a = fix && toCodeAction(folder, [], fix, s.edits, FIX_ALL_KIND);
        if (fix && a) {
          const done: FixAllDone = {
            edits: fix.edits.reduce((n, e) => n + e.edits.length, 0),
            files: fix.edits.map((e) => e.file),
            created: (fix.createFiles ?? []).map((c) => c.file),
          };
          out.push({ ...a, command: { title: 'What Fix All did', command: FIX_ALL_DONE, arguments: [done] } });
        }
      }
      return out;
    }),
  );
}
