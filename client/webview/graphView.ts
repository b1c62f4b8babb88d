// The Graph tab of the Registry Overview webview: a context's step graph, or the graph a pipeline DAG file
// declares (graphLayout.ts), drawn as SVG,
// with a context picker, a search that finds a step and brings it into view, the legend doubling as a
// filter by kind, and zoom/pan (panZoom.ts). What a person set (search, filters, view) survives the
// re-render after each analysis; the layout is computed again only when the graph changed. When a
// context declares no dependencies, the tab says so and where edges come from. Registry strings reach
// the page as text nodes and attribute values only.
import type { FolderOverview, GraphView, LocationRef } from '../../server/src/lsp/protocol';
import { contextLabel, contextTitle } from '../src/contextLabels';
import { counted, el } from './dom';
import { layoutGraph, type GraphLayout, type PlacedNode } from './graphLayout';
import { attachPanZoom, fitView, resized, type Bounds, type PanZoom, type Size, type View } from './panZoom';
import type { WebviewMessage } from './messages';

const SVG = 'http://www.w3.org/2000/svg';
/** The legend's kinds, in order: a node's group (graphLayout.ts) and how the legend names it. */
const KINDS: readonly [string, string][] = [
  ['core', 'core'],
  ['workspace', 'local step'],
  ['override', 'override'],
  ['module', 'module'],
  ['context', 'workspace'],
];
/** The kind of a node naming no step (an unknown dependency, a DAG node no step resolves). */
const UNRESOLVED: [string, string] = ['unresolved', 'unresolved'];
const LOOSE = 'loose';

interface UiState {
  query: string;
  hidden: Set<string>;
  view: { key: string; v: View; port: Size; fitted: boolean } | null;
  cursor: number;
}
/** Pixels per layout unit below which a first view does not go: labels (the editor's font) stay readable. */
const READABLE_SCALE = 0.85;
const ui: UiState = { query: '', hidden: new Set(), view: null, cursor: -1 };
let cache: { sig: string; layout: GraphLayout; ms: number } | undefined;
let previous: PanZoom | undefined;

type Post = (m: WebviewMessage) => void;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The layout of `view`, reused while nodes, edges and steps are the same. */
function layoutOf(view: GraphView): { layout: GraphLayout; ms: number } {
  const sig = JSON.stringify([
    view.nodes.map((n) => [n.id, n.source, n.kind, n.cycle, n.uri, n.range, n.step]),
    view.edges,
    view.steps.map((s) => [s.name, s.source, s.uri, s.range]),
  ]);
  if (cache?.sig !== sig) {
    const t = performance.now();
    const layout = layoutGraph(view);
    cache = { sig, layout, ms: performance.now() - t };
  }
  return cache;
}

export function graphSection(view: GraphView | null, overview: readonly FolderOverview[], post: Post): HTMLElement {
  const started = performance.now();
  const root = el('section', 'graph');
  if (view === null) {
    root.append(el('p', 'empty', 'No workspace folder is open.'));
    return root;
  }
  const n = counted;
  const how = 'click a step to open its definition; wheel to zoom, drag to pan';
  if (view.file === undefined) {
    root.append(el('h1', undefined, `Step graph of ${view.context}`));
    root.append(
      el(
        'p',
        'summary',
        `${n(view.nodes.length, 'dependency node')} · ${n(view.edges.length, 'edge')} · ${n(view.steps.length, 'step')} visible in ${view.context} · ${n(view.cycles.length, 'cycle')} — ${how}`,
      ),
    );
    if (view.edges.length === 0) root.append(noEdges(view.context));
  } else {
    const unresolved = view.nodes.filter((m) => m.source === 'unresolved').length;
    root.append(el('h1', undefined, `Pipeline DAG ${view.file.path}`));
    const counts = `${n(view.nodes.length, 'node')} · ${n(view.edges.length, 'edge')} · ${unresolved} naming no step`;
    root.append(el('p', 'summary', `${counts} in ${view.context} · ${n(view.cycles.length, 'cycle')} — ${how}`));
  }
  for (const c of view.cycles) root.append(el('p', 'cycle-text', `cycle: ${[...c, c[0] ?? ''].join(' → ')}`));
  const { layout, ms } = layoutOf(view);
  const key = `${view.folder}\n${view.file === undefined ? `context ${view.context}` : `file ${view.file.path}`}`;

  const canvas = el('div', 'canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('aria-label', 'Step graph: + and - zoom, 0 fits, arrow keys pan');
  const s = svg('svg', { role: 'img', preserveAspectRatio: 'xMidYMid meet' });
  s.append(markers());
  const nodeEls = new Map<string, SVGGElement>();
  const edgeEls: [SVGPathElement, string, string][] = [];
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    const path = svg('path', {
      d,
      class: `edge${e.cycle ? ' cycle' : ''}${e.optional ? ' optional' : ''}${e.flow ? ' flow' : ''}`,
      'marker-end': `url(#${e.cycle ? 'arrow-cycle' : 'arrow'})`,
    });
    path.setAttribute('data-from', e.from);
    path.setAttribute('data-to', e.to);
    const tip = svg('title', {});
    tip.textContent = `${e.from} → ${e.to}${e.flow ? ' (data flow)' : e.optional ? ' (optional)' : ''}${e.label ? `: ${e.label}` : ''}`;
    path.append(tip);
    edgeEls.push([path, e.from, e.to]);
    s.append(path);
  }
  const connected = new Set(layout.edges.flatMap((e) => [e.from, e.to]));
  for (const node of layout.nodes) {
    const g = nodeElement(node, connected.has(node.id), post);
    nodeEls.set(node.id, g);
    s.append(g);
  }
  canvas.append(s);

  const visible = (node: PlacedNode): boolean =>
    !ui.hidden.has(node.group) && (connected.has(node.id) || !ui.hidden.has(LOOSE));
  const boundsOf = (shown: readonly PlacedNode[]): Bounds => {
    const all = shown.length > 0 ? shown : layout.nodes;
    if (all.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
    const x0 = Math.min(...all.map((m) => m.x - m.width / 2));
    const y0 = Math.min(...all.map((m) => m.y - m.height / 2));
    return {
      x: x0,
      y: y0,
      width: Math.max(...all.map((m) => m.x + m.width / 2)) - x0,
      height: Math.max(...all.map((m) => m.y + m.height / 2)) - y0,
    };
  };
  const bounds = (): Bounds => boundsOf(layout.nodes.filter(visible));
  const connectedBounds = (): Bounds => boundsOf(layout.nodes.filter((m) => visible(m) && connected.has(m.id)));
  previous?.dispose();
  // A context opens on its steps with dependencies (the loose ones are listed below them), readable;
  // Fit shows every visible step. The same context keeps its view across re-renders, fitted or not.
  const readable = (port: Size): View => fitView(connectedBounds(), port, READABLE_SCALE);
  const whole = (port: Size): View => fitView(bounds(), port);
  const initial = (port: Size): View | { fit: (port: Size) => View } =>
    ui.view?.key !== key ? { fit: readable } : ui.view.fitted ? { fit: whole } : resized(ui.view.v, ui.view.port, port);
  const pz: PanZoom = attachPanZoom(canvas, s, initial, (v, port) => {
    ui.view = { key, v, port, fitted: pz.fitted() };
  });
  previous = pz;

  const applyFilter = (): void => {
    for (const node of layout.nodes) nodeEls.get(node.id)?.classList.toggle('hidden', !visible(node));
    const shown = (id: string): boolean => nodeEls.get(id)?.classList.contains('hidden') === false;
    for (const [path, from, to] of edgeEls) path.classList.toggle('hidden', !shown(from) || !shown(to));
  };

  // search: matches marked as you type, Enter (or a name picked from the list) brings the next one into view
  const search = el('input', 'search');
  search.type = 'search';
  search.placeholder = 'Find a step…';
  search.setAttribute('aria-label', 'Find a step by name');
  search.setAttribute('list', 'graph-names');
  search.value = ui.query;
  const names = el('datalist');
  names.id = 'graph-names';
  for (const node of [...layout.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) names.append(new Option(node.id));
  const count = el('span', 'count');
  const matches = (): PlacedNode[] => {
    const q = ui.query.trim().toLowerCase();
    return q === '' ? [] : layout.nodes.filter((m) => visible(m) && m.id.toLowerCase().includes(q));
  };
  const mark = (): PlacedNode[] => {
    const found = matches();
    const ids = new Set(found.map((m) => m.id));
    s.classList.toggle('searching', ui.query.trim() !== '');
    for (const [id, g] of nodeEls) {
      g.classList.toggle('match', ids.has(id));
      g.classList.remove('focused', 'near');
    }
    for (const [path] of edgeEls) path.classList.remove('near');
    count.textContent = ui.query.trim() === '' ? '' : found.length === 0 ? 'no step found' : `${found.length} found`;
    return found;
  };
  /** Brings match `i` of what mark() just found into view: it, its edges and the steps at their other ends stand out. */
  const reveal = (found: readonly PlacedNode[], i: number): void => {
    const node = found[i];
    if (node === undefined) return;
    ui.cursor = i;
    nodeEls.get(node.id)?.classList.add('focused');
    for (const [path, from, to] of edgeEls) {
      if (from !== node.id && to !== node.id) continue;
      path.classList.add('near');
      nodeEls.get(from === node.id ? to : from)?.classList.add('near');
    }
    pz.focus(node.x, node.y);
    count.textContent = `${i + 1} of ${found.length}`;
  };
  search.addEventListener('input', () => {
    ui.query = search.value;
    ui.cursor = -1;
    const found = mark();
    // a name picked from the list (or typed in full) is shown at once
    const exact = found.findIndex((m) => m.id.toLowerCase() === ui.query.trim().toLowerCase());
    if (exact >= 0) reveal(found, exact);
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const found = mark();
      const step = ev.shiftKey ? -1 : 1;
      const from = ui.cursor < 0 ? (step > 0 ? -1 : 0) : ui.cursor;
      if (found.length > 0) reveal(found, (from + step + found.length) % found.length);
    }
    if (ev.key === 'Escape') {
      search.value = '';
      ui.query = '';
      ui.cursor = -1;
      mark();
    }
  });

  const button = (text: string, title: string, act: () => void): HTMLButtonElement => {
    const b = el('button', 'tool', text);
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', act);
    return b;
  };
  const fit = (): void => pz.fit(whole);
  canvas.addEventListener('keydown', (ev) => {
    if (ev.target === canvas && ev.key === '0') {
      ev.preventDefault();
      fit();
    }
  });

  const bar = el('div', 'toolbar');
  bar.append(
    contextPicker(view, overview, post),
    search,
    names,
    count,
    button('−', 'Zoom out', () => pz.zoom(0.8)),
    button('+', 'Zoom in', () => pz.zoom(1.25)),
    button('Fit', 'Fit the graph in the view', fit),
  );
  root.append(
    bar,
    legend(layout, connected, view.file !== undefined, () => {
      applyFilter();
      mark();
      fit(); // what is left, in view
    }),
    canvas,
  );
  applyFilter();
  // after a re-render the step found stays marked (the view is restored as it was)
  reveal(mark(), ui.cursor);
  root.dataset['layout'] = layout.engine;
  root.dataset['layoutMs'] = ms.toFixed(1);
  root.dataset['renderMs'] = (performance.now() - started).toFixed(1);
  return root;
}

/**
 * The kinds present in the graph, each a checkbox that shows or hides its steps (and their edges), and what
 * an arrow means: a dependency (a DAG's data flow), dashed when optional.
 */
function legend(layout: GraphLayout, connected: ReadonlySet<string>, dag: boolean, changed: () => void): HTMLElement {
  const box = el('p', 'legend');
  const groups = new Set(layout.nodes.map((m) => m.group));
  const loose = layout.nodes.filter((m) => !connected.has(m.id)).length;
  const kinds = [...KINDS, UNRESOLVED].filter(([g]) => groups.has(g));
  const entries: [string, string][] = [
    ...kinds,
    ...(loose > 0 && connected.size > 0 ? [[LOOSE, `steps without dependencies (${loose})`] as [string, string]] : []),
  ];
  for (const [group, text] of entries) {
    const label = el('label', `key ${group}`);
    const check = el('input');
    check.type = 'checkbox';
    check.checked = !ui.hidden.has(group);
    check.dataset['kind'] = group;
    check.addEventListener('change', () => {
      if (check.checked) ui.hidden.delete(group);
      else ui.hidden.add(group);
      changed();
    });
    label.append(check, document.createTextNode(text));
    box.append(label);
  }
  if (layout.nodes.some((m) => m.cycle)) box.append(el('span', 'key cycle', 'in a cycle'));
  if (layout.edges.length > 0)
    box.append(edgeKey(dag ? 'A → B: data flows from A to B' : 'A → B: A depends on B', false));
  if (layout.edges.some((e) => e.optional)) box.append(edgeKey('optional dependency', true));
  return box;
}

/** A short arrow drawn as the graph draws its edges, and what it means. */
function edgeKey(text: string, optional: boolean): HTMLElement {
  const key = el('span', 'key edge');
  const arrow = svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
  arrow.append(
    svg('path', { d: 'M 1 5 L 25 5', class: `edge${optional ? ' optional' : ''}`, 'marker-end': 'url(#arrow)' }),
  );
  key.append(arrow, document.createTextNode(text));
  return key;
}

/** The folder's contexts; picking one shows its graph (until the active editor changes). */
function contextPicker(view: GraphView, overview: readonly FolderOverview[], post: Post): HTMLElement {
  const contexts = overview.find((f) => f.folder === view.folder)?.contexts ?? [];
  const select = el('select', 'context');
  select.setAttribute('aria-label', 'Context');
  // a DAG's graph is its file's: picking a context shows that context's graph instead
  if (view.file !== undefined) select.append(new Option(view.file.path, '', false, true));
  const current = (id: string): boolean => view.file === undefined && id === view.context;
  for (const c of contexts) {
    const option = new Option(contextLabel(c, contexts), c.id, false, current(c.id));
    option.title = contextTitle(c, contexts) ?? '';
    select.append(option);
  }
  // the picked label explained where it needs it (`alice_ml (aaron_dup)`)
  select.title = select.selectedOptions[0]?.title ?? '';
  if (view.file === undefined && !contexts.some((c) => c.id === view.context)) {
    select.append(new Option(view.context, view.context, false, true));
  }
  select.addEventListener('change', () => {
    if (select.value !== '') post({ kind: 'graphContext', context: select.value });
  });
  const label = el('label', 'context-label', 'Context ');
  label.append(select);
  return label;
}

function noEdges(context: string): HTMLElement {
  const p = el('p', 'no-edges');
  p.append(
    `No dependencies are declared in ${context}, so the graph has no edges; its steps are listed below. `,
    'Edges come from a companion ',
    code('*_meta.yaml'),
    ' beside a builder (its ',
    code('dependencies'),
    " list), from step names in a workspace's ",
    code('WORKSPACE_METADATA["dependencies"]'),
    ', and from the ',
    code('compatible_sources'),
    ' of cursus 2.x interface files (',
    code('*.step.yaml'),
    '). ',
    'The examples ',
    code('demo-workspace'),
    ', ',
    code('meta-workspace'),
    ' and ',
    code('interface-workspace'),
    ' have some.',
  );
  return p;
}

function code(text: string): HTMLElement {
  return el('code', undefined, text);
}

function markers(): SVGDefsElement {
  const defs = svg('defs', {});
  for (const id of ['arrow', 'arrow-cycle']) {
    const m = svg('marker', {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    });
    m.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: id }));
    defs.append(m);
  }
  return defs;
}

function nodeElement(n: PlacedNode, connected: boolean, post: Post): SVGGElement {
  const g = svg('g', {
    class: `node ${n.group}${n.cycle ? ' cycle' : ''}${n.target ? ' clickable' : ''}${connected ? '' : ' loose'}`,
    transform: `translate(${n.x - n.width / 2}, ${n.y - n.height / 2})`,
    tabindex: 0,
  });
  g.setAttribute('data-id', n.id);
  const title = svg('title', {});
  const step = n.step === undefined ? '' : ` → ${n.step}`;
  title.textContent = `${n.id}${step} (${n.group})${n.cycle ? ' — in a dependency cycle' : ''}`;
  g.append(title, svg('rect', { width: n.width, height: n.height, rx: 5 }));
  const t = svg('text', { x: n.width / 2, y: n.height / 2 + 4, 'text-anchor': 'middle' });
  t.textContent = n.id;
  g.append(t);
  const target: LocationRef | null = n.target;
  if (target) {
    const open = (): void => post({ kind: 'open', target });
    g.addEventListener('click', open);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') open();
    });
  }
  return g;
}
