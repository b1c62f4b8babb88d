// `graph --format dot|mermaid|json`: a context's dependency graph (SPEC §2) as Graphviz, Mermaid or
// JSON. Edges of a cycle are drawn red (and flagged in JSON), modules and the workspace node get
// their own shapes, so the cycle RL023 reports is visible at a glance. Data-flow edges (producer →
// consumer, the interface step graph) are drawn blue and labelled with the consumer's dependency.
// An empty graph comes with a note saying why and where edges come from (a `note` key in JSON).
import type { DependencyGraph, GraphNode } from '../engine/api';
import { graphDocument } from '../engine/documents/jsonDocuments';

export type GraphFormat = 'dot' | 'mermaid' | 'json';

export function formatGraph(g: DependencyGraph, format: GraphFormat): string {
  if (format === 'json') return `${JSON.stringify(graphDocument(g), null, 2)}\n`;
  return format === 'dot' ? dot(g) : mermaid(g);
}

const escape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const quote = (s: string): string => `"${escape(s)}"`;

function dot(g: DependencyGraph): string {
  const out = [
    `digraph ${quote(`registry-lens ${g.context}`)} {`,
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica"];',
  ];
  for (const n of g.nodes) {
    const attrs = [`label="${escape(n.id)}\\n${escape(n.source)}"`];
    if (n.kind === 'module') attrs.push('shape=component');
    if (n.kind === 'workspace') attrs.push('shape=folder');
    if (n.source === 'unresolved') attrs.push('style=dashed');
    if (n.cycle) attrs.push('color=red');
    out.push(`  ${quote(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of g.edges) {
    const attrs = [
      ...(e.optional ? ['style=dashed'] : []),
      ...(e.cycle ? ['color=red', 'penwidth=2', 'label="cycle"'] : []),
      ...(e.kind === 'flow' ? ['color=blue', `label=${quote(e.label ?? '')}`] : []),
    ];
    out.push(`  ${quote(e.from)} -> ${quote(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

function mermaid(g: DependencyGraph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const shape = (n: GraphNode): string => {
    const label = `"${n.id.replace(/"/g, '#quot;')}<br/><small>${n.source}</small>"`;
    return n.kind === 'module' ? `[[${label}]]` : n.kind === 'workspace' ? `[/${label}/]` : `[${label}]`;
  };
  const out = ['graph LR'];
  for (const n of g.nodes) out.push(`  ${ids.get(n.id) ?? ''}${shape(n)}`);
  const red: number[] = [];
  const blue: number[] = [];
  g.edges.forEach((e, i) => {
    const label = e.cycle ? '|cycle|' : e.kind === 'flow' && e.label ? `|${e.label.replace(/[|"]/g, '')}|` : '';
    out.push(`  ${ids.get(e.from) ?? ''} ${e.optional ? '-.->' : '-->'}${label} ${ids.get(e.to) ?? ''}`);
    if (e.cycle) red.push(i);
    if (e.kind === 'flow') blue.push(i);
  });
  const cyclic = g.nodes.filter((n) => n.cycle).map((n) => ids.get(n.id) ?? '');
  if (cyclic.length) out.push('  classDef cycle stroke:#d00,stroke-width:2px', `  class ${cyclic.join(',')} cycle`);
  if (red.length) out.push(`  linkStyle ${red.join(',')} stroke:#d00,stroke-width:2px`);
  if (blue.length) out.push(`  linkStyle ${blue.join(',')} stroke:#06c`);
  return `${out.join('\n')}\n`;
}
