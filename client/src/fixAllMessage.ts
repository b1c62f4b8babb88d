// What Fix All did, in one sentence: VS Code applies a fix-all edit silently, and one may also create
// stub files the user would not otherwise notice.
import type { FixAllDone } from '../../server/src/lsp/protocol';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const base = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

export function fixAllMessage(done: FixAllDone): string {
  const edited = done.files.length === 1 ? base(done.files[0] ?? '') : plural(done.files.length, 'file');
  const parts = done.edits > 0 ? [`${plural(done.edits, 'edit')} in ${edited}`] : [];
  if (done.created.length > 0)
    parts.push(`${plural(done.created.length, 'file')} created (${done.created.map(base).join(', ')})`);
  return `Registry Lens Fix All: ${parts.length > 0 ? parts.join(', ') : 'nothing to change'}.`;
}
