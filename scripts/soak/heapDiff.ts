// `tsx scripts/soak/heapDiff.ts A.heapsnapshot B.heapsnapshot`: what a process kept between two heap
// snapshots of it (the memory soak writes them: memory.ts --snapshots). Prints the objects by type and
// name (a constructor, a closure's function, `string`…) with their counts and bytes in each snapshot,
// largest growth first; then the objects created after A and still alive in B (V8 keeps object ids
// across the snapshots of one process) by group, and the objects holding most of them, each with a
// chain of its retainers up to what keeps it. HEAP_DIFF_TOP sets how many rows (25).
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const TOP = Number(process.env.HEAP_DIFF_TOP ?? 25);

class Heap {
  readonly width: number;
  readonly count: number;
  private readonly f: Record<'type' | 'name' | 'id' | 'self_size' | 'edge_count', number>;
  private readonly types: string[];

  constructor(readonly s: Snapshot) {
    const fields = s.snapshot.meta.node_fields;
    this.width = fields.length;
    this.count = s.nodes.length / this.width;
    this.f = {
      type: fields.indexOf('type'),
      name: fields.indexOf('name'),
      id: fields.indexOf('id'),
      self_size: fields.indexOf('self_size'),
      edge_count: fields.indexOf('edge_count'),
    };
    this.types = s.snapshot.meta.node_types[0];
  }

  field(i: number, k: keyof Heap['f']): number {
    return this.s.nodes[i * this.width + this.f[k]] as number;
  }
  type(i: number): string {
    return this.types[this.field(i, 'type')] ?? '?';
  }
  /** The node's group: its type, and its name unless it is a string or number. */
  group(i: number): string {
    const type = this.type(i);
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number')
      return type;
    const name = this.s.strings[this.field(i, 'name')] ?? '?';
    return `${type} ${name.length > 60 ? `${name.slice(0, 60)}…` : name}`;
  }
  label(i: number): string {
    return `${this.group(i)} @${this.field(i, 'id')} (${this.field(i, 'self_size')} B)`;
  }

  groups(): Map<string, { count: number; size: number }> {
    const out = new Map<string, { count: number; size: number }>();
    for (let i = 0; i < this.count; i++) {
      const g = out.get(this.group(i)) ?? { count: 0, size: 0 };
      g.count++;
      g.size += this.field(i, 'self_size');
      out.set(this.group(i), g);
    }
    return out;
  }

  /** Each node's strong retainers, with the edge's name. */
  retainers(): { from: number; edge: string }[][] {
    const ef = this.s.snapshot.meta.edge_fields;
    const [t, n, to] = [ef.indexOf('type'), ef.indexOf('name_or_index'), ef.indexOf('to_node')];
    const edgeTypes = this.s.snapshot.meta.edge_types[0];
    const out: { from: number; edge: string }[][] = Array.from({ length: this.count }, () => []);
    let e = 0;
    for (let i = 0; i < this.count; i++) {
      for (let k = 0; k < this.field(i, 'edge_count'); k++, e += ef.length) {
        const type = edgeTypes[this.s.edges[e + t] as number] ?? '?';
        if (type === 'weak') continue;
        const name = this.s.edges[e + n] as number;
        out[(this.s.edges[e + to] as number) / this.width]?.push({
          from: i,
          edge: type === 'element' || type === 'hidden' ? `[${name}]` : `.${this.s.strings[name] ?? '?'}`,
        });
      }
    }
    return out;
  }
}

function load(file: string): Heap {
  return new Heap(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
}

function main(): void {
  const [fa, fb] = process.argv.slice(2);
  if (!fa || !fb) throw new Error('usage: heapDiff.ts A.heapsnapshot B.heapsnapshot');
  const a = load(fa);
  const b = load(fb);
  const ga = a.groups();
  const gb = b.groups();
  const kb = (n: number): string => (n / 1024).toFixed(0).padStart(8);
  const total = (g: Map<string, { size: number }>): number => [...g.values()].reduce((s, x) => s + x.size, 0);
  const rows = [...new Set([...ga.keys(), ...gb.keys()])]
    .map((k) => ({ k, x: ga.get(k) ?? { count: 0, size: 0 }, y: gb.get(k) ?? { count: 0, size: 0 } }))
    .sort((p, q) => q.y.size - q.x.size - (p.y.size - p.x.size));
  const out: string[] = [
    `total self size ${kb(total(ga))} KB → ${kb(total(gb))} KB`,
    '  count A   count B     KB A     KB B      ΔKB  group',
  ];
  for (const r of rows.slice(0, TOP))
    out.push(
      `${String(r.x.count).padStart(9)} ${String(r.y.count).padStart(9)} ${kb(r.x.size)} ${kb(r.y.size)} ${kb(r.y.size - r.x.size)}  ${r.k}`,
    );

  const known = new Set<number>();
  for (let i = 0; i < a.count; i++) known.add(a.field(i, 'id'));
  const held = b.retainers();
  const fresh = new Map<string, { count: number; size: number }>();
  const holders = new Map<number, number>();
  for (let i = 0; i < b.count; i++) {
    if (known.has(b.field(i, 'id')) || b.type(i) === 'code' || b.type(i) === 'hidden') continue;
    const g = fresh.get(b.group(i)) ?? { count: 0, size: 0 };
    g.count++;
    g.size += b.field(i, 'self_size');
    fresh.set(b.group(i), g);
    for (const r of held[i] ?? []) holders.set(r.from, (holders.get(r.from) ?? 0) + 1);
  }
  out.push('', 'created after A, alive in B (code left out): count, KB, group');
  for (const [k, g] of [...fresh].sort((p, q) => q[1].size - p[1].size).slice(0, TOP))
    out.push(`${String(g.count).padStart(9)} ${kb(g.size)}  ${k}`);
  out.push('', 'what holds most of them, and its retainers:');
  for (const [h, n] of [...holders].sort((p, q) => q[1] - p[1]).slice(0, 8)) {
    out.push(`${String(n).padStart(9)}  ${b.label(h)}`);
    const seen = new Set<number>([h]);
    for (let at = h, depth = 0; depth < 8; depth++) {
      const next = (held[at] ?? []).find((r) => !seen.has(r.from));
      if (!next) break;
      out.push(`             ← ${next.edge} of ${b.label(next.from)}`);
      seen.add(next.from);
      at = next.from;
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
