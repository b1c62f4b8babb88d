// "Registry Lens: Show Registry Overview": the Registries data as a read-only Markdown summary
// (counts per folder, contexts with their steps, conflicts).
import * as vscode from 'vscode';
import type { FolderOverview } from '../../server/src/lsp/protocol';

export const OVERVIEW_URI = vscode.Uri.from({ scheme: 'registry-overview', path: '/Registry Overview.md' });

export function renderOverview(folders: FolderOverview[]): string {
  const out: string[] = ['# Registry Overview', ''];
  if (folders.length === 0) out.push('No workspace folder is open.');
  for (const f of folders) {
    const s = f.summary;
    out.push(`## ${f.name}`, '');
    out.push(`${s.sources} sources · ${s.entries} entries · ${s.workspaces} workspaces · ` +
      `${s.errors} errors · ${s.warnings} warnings · ${s.information} infos · ${s.hints} hints · active context: \`${f.active}\``, '');
    out.push('| context | directory | local steps | overrides | steps |', '|---|---|---|---|---|');
    for (const c of f.contexts) {
      out.push(`| \`${c.id}\` | ${c.dir ?? '(core)'} | ${c.localSteps} | ${c.overrides} | ${c.steps.map((st) => st.name).join(', ')} |`);
    }
    if (f.conflicts.length > 0) {
      out.push('', '### Conflicts', '');
      for (const p of f.conflicts) out.push(`- **${p.code}** ${p.message} (${vscode.Uri.parse(p.uri).fsPath}:${p.range.start.line + 1})`);
    }
    out.push('');
  }
  return out.join('\n');
}
