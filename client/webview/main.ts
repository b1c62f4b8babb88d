// The Registry Overview webview: the folder's registries (core, workspaces, their steps), conflicts,
// and the step graph of the context (dagre layout, cycles highlighted). Every string from a registry
// reaches the page as a text node or an attribute value set through the DOM, never as markup; the
// page loads only this bundle and its stylesheet (CSP: no inline script, no remote resource).
import type { FolderOverview, GraphView, LocationRef, OverviewProblem } from '../../server/src/lsp/protocol';
import { contextLabel } from '../src/contextLabels';
import { layoutGraph } from './graphLayout';
import type { DataMessage, Tab, WebviewMessage } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void };
const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function link(text: string, target: LocationRef | null, cls = 'link'): HTMLElement {
  if (target === null) return el('span', cls, text);
  const a = el('a', cls, text);
  a.href = '#';
  a.title = decodeURIComponent(target.uri.replace(/^file:\/\//, '')) + `:${target.range.start.line + 1}`;
  a.addEventListener('click', (ev) => { ev.preventDefault(); vscode.postMessage({ kind: 'open', target }); });
  return a;
}

function render(msg: DataMessage): void {
  const app = document.getElementById('app');
  if (!app) return;
  app.replaceChildren();
  const tabs = el('nav', 'tabs');
  for (const [tab, title] of [['overview', 'Registries'], ['graph', 'Graph']] as [Tab, string][]) {
    const b = el('button', tab === msg.tab ? 'tab active' : 'tab', title);
    b.dataset['tab'] = tab;
    b.addEventListener('click', () => vscode.postMessage({ kind: 'tab', tab }));
    tabs.append(b);
  }
  app.append(tabs);
  app.append(msg.tab === 'overview' ? overview(msg.overview) : graph(msg.graph));
}

function overview(folders: FolderOverview[]): HTMLElement {
  const root = el('section', 'overview');
  if (folders.length === 0) root.append(el('p', 'empty', 'No workspace folder is open.'));
  for (const f of folders) {
    const s = f.summary;
    root.append(el('h1', undefined, f.name));
    root.append(el('p', 'summary', `${s.sources} sources · ${s.entries} entries · ${s.workspaces} workspaces · ${s.errors} errors · ${s.warnings} warnings · ${s.information} infos · active context: ${f.active}`));
    const table = el('table', 'contexts');
    const head = el('tr');
    for (const h of ['registry', 'directory', 'local', 'overrides', 'steps']) head.append(el('th', undefined, h));
    table.append(head);
    for (const c of f.contexts) {
      const row = el('tr', f.contexts.find((x) => x.id === f.active) === c ? 'active' : undefined);
      const label = contextLabel(c, f.contexts);
      const name = el('td');
      name.append(link(label, c.uri === null ? null : { uri: c.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
      row.append(name, el('td', 'dir', c.dir ?? '(core registry)'), el('td', 'num', String(c.localSteps)), el('td', 'num', String(c.overrides)));
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

function graph(view: GraphView | null): HTMLElement {
  const root = el('section', 'graph');
  if (view === null) {
    root.append(el('p', 'empty', 'No workspace folder is open.'));
    return root;
  }
  root.append(el('h1', undefined, `Step graph of ${view.context}`));
  const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
  root.append(el('p', 'summary', `${n(view.nodes.length, 'dependency node')} · ${n(view.edges.length, 'edge')} · ${n(view.steps.length, 'step')} visible in ${view.context} · ${n(view.cycles.length, 'cycle')} — click a step to open its definition`));
  for (const c of view.cycles) root.append(el('p', 'cycle-text', `cycle: ${[...c, c[0] ?? ''].join(' → ')}`));
  const layout = layoutGraph(view);
  const s = svg('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img' });
  const defs = svg('defs', {});
  for (const id of ['arrow', 'arrow-cycle']) {
    const m = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    m.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: id }));
    defs.append(m);
  }
  s.append(defs);
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    s.append(svg('path', { d, class: `edge${e.cycle ? ' cycle' : ''}${e.optional ? ' optional' : ''}`, 'marker-end': `url(#${e.cycle ? 'arrow-cycle' : 'arrow'})` }));
  }
  for (const n of layout.nodes) {
    const g = svg('g', { class: `node ${n.group}${n.cycle ? ' cycle' : ''}${n.target ? ' clickable' : ''}`, transform: `translate(${n.x - n.width / 2}, ${n.y - n.height / 2})`, tabindex: 0 });
    g.setAttribute('data-id', n.id);
    const title = svg('title', {});
    title.textContent = `${n.id} (${n.group})${n.cycle ? ' — in a dependency cycle' : ''}`;
    g.append(title, svg('rect', { width: n.width, height: n.height, rx: 5 }));
    const t = svg('text', { x: n.width / 2, y: n.height / 2 + 4, 'text-anchor': 'middle' });
    t.textContent = n.id;
    g.append(t);
    const target = n.target;
    if (target) {
      const open = (): void => vscode.postMessage({ kind: 'open', target });
      g.addEventListener('click', open);
      g.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') open(); });
    }
    s.append(g);
  }
  const wrap = el('div', 'canvas');
  wrap.append(s);
  const legend = el('p', 'legend');
  for (const [cls, text] of [['core', 'core'], ['workspace', 'local step'], ['override', 'override'], ['module', 'module'], ['cycle', 'in a cycle']]) {
    legend.append(el('span', `key ${cls}`, text));
  }
  root.append(legend, wrap);
  return root;
}

window.addEventListener('message', (ev: MessageEvent<DataMessage>) => {
  if (ev.data?.kind === 'data') render(ev.data);
});
vscode.postMessage({ kind: 'ready' });
