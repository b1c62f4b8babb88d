// The Registry Overview webview: the folder's registries (core, workspaces, their steps), conflicts,
// and the step graph of the context (graphView.ts). Every string from a registry reaches the page as a
// text node or an attribute value set through the DOM, never as markup; the page loads only this
// bundle and its stylesheet (CSP: no inline script, no remote resource).
import type { FolderOverview, LocationRef, OverviewProblem } from '../../server/src/lsp/protocol';
import { contextLabel, contextTitle } from '../src/contextLabels';
import { graphSection } from './graphView';
import { counted, el } from './dom';
import type { DataMessage, Tab, WebviewMessage } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void };
const vscode = acquireVsCodeApi();

function link(text: string, target: LocationRef | null, cls = 'link'): HTMLElement {
  if (target === null) return el('span', cls, text);
  const a = el('a', cls, text);
  a.href = '#';
  a.title = decodeURIComponent(target.uri.replace(/^file:\/\//, '')) + `:${target.range.start.line + 1}`;
  a.addEventListener('click', (ev) => {
    ev.preventDefault();
    vscode.postMessage({ kind: 'open', target });
  });
  return a;
}

function render(msg: DataMessage): void {
  const app = document.getElementById('app');
  if (!app) return;
  // typing in the graph's search box survives the re-render after an analysis
  const typing =
    document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'search'
      ? document.activeElement.selectionStart
      : null;
  app.replaceChildren();
  const tabs = el('nav', 'tabs');
  for (const [tab, title] of [
    ['overview', 'Registries'],
    ['graph', 'Graph'],
  ] as [Tab, string][]) {
    const b = el('button', tab === msg.tab ? 'tab active' : 'tab', title);
    b.dataset['tab'] = tab;
    b.addEventListener('click', () => vscode.postMessage({ kind: 'tab', tab }));
    tabs.append(b);
  }
  app.append(tabs);
  app.append(
    msg.tab === 'overview'
      ? overview(msg.overview)
      : graphSection(msg.graph, msg.overview, (m) => vscode.postMessage(m)),
  );
  const search = app.querySelector<HTMLInputElement>('input[type=search]');
  if (typing !== null && search) {
    search.focus();
    search.setSelectionRange(typing, typing);
  }
}

function overview(folders: FolderOverview[]): HTMLElement {
  const root = el('section', 'overview');
  if (folders.length === 0) root.append(el('p', 'empty', 'No workspace folder is open.'));
  for (const f of folders) {
    const s = f.summary;
    root.append(el('h1', undefined, f.name));
    root.append(
      el(
        'p',
        'summary',
        `${counted(s.sources, 'source')} · ${counted(s.entries, 'entry', 'entries')} · ${counted(s.workspaces, 'workspace')} · ${counted(s.errors, 'error')} · ${counted(s.warnings, 'warning')} · ${s.information} information · active context: ${f.active}`,
      ),
    );
    const table = el('table', 'contexts');
    const head = el('tr');
    for (const h of ['registry', 'directory', 'local', 'overrides', 'steps']) head.append(el('th', undefined, h));
    table.append(head);
    for (const c of f.contexts) {
      const row = el('tr', f.contexts.find((x) => x.id === f.active) === c ? 'active' : undefined);
      const label = contextLabel(c, f.contexts);
      const name = el('td');
      const title = contextTitle(c, f.contexts);
      if (title !== undefined) name.title = title;
      name.append(
        link(
          label,
          c.uri === null
            ? null
            : { uri: c.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        ),
      );
      row.append(
        name,
        el('td', 'dir', c.dir ?? '(core registry)'),
        el('td', 'num', String(c.localSteps)),
        el('td', 'num', String(c.overrides)),
      );
      const steps = el('td', 'steps');
      c.steps.forEach((st, i) => {
        if (i > 0) steps.append(document.createTextNode(' '));
        steps.append(link(st.name, st, st.conflicts.length > 0 ? 'link step conflict' : 'link step'));
      });
      row.append(steps);
      table.append(row);
    }
    root.append(table);
    if (f.conflicts.length > 0) {
      root.append(el('h2', undefined, `Conflicts (${f.conflicts.length})`));
      const list = el('ul', 'conflicts');
      for (const p of f.conflicts) list.append(problem(p));
      root.append(list);
    }
  }
  return root;
}

function problem(p: OverviewProblem): HTMLElement {
  const li = el('li', `problem ${p.severity}`);
  li.append(el('span', `sev ${p.severity}`, p.severity), el('span', 'code', p.code), link(p.message, p));
  return li;
}

window.addEventListener('message', (ev: MessageEvent<DataMessage>) => {
  if (ev.data?.kind === 'data') render(ev.data);
});
vscode.postMessage({ kind: 'ready' });
