// Companion `*_meta.yaml` files for the synthetic orgs: one beside each builder module (up to the org's
// `metaFiles`), with a version, tags and dependencies on other steps of the same context that form a
// DAG, plus a few planted problems — a core cycle, workspace cycles, unknown dependencies (RL022),
// unsatisfied ranges (RL027), bad tags (RL020) — so the pipeline has real work and real findings.
import type { OrgModel } from './generate';
import type { Rng } from './rng';

export interface MetaDep {
  id: string;
  range?: string;
  optional?: boolean;
}
export interface MetaModel {
  path: string;
  /** The step the companion describes (by its builder class). */
  step: string;
  /** Workspace directory name, null for core. */
  ws: string | null;
  version: string;
  description: string;
  tags: string[];
  deps: MetaDep[];
}

const TAGS = [
  'training',
  'preprocessing',
  'evaluation',
  'tabular',
  'nlp',
  'vision',
  'batch',
  'streaming',
  'gpu',
  'experimental',
];

export function planMetas(org: OrgModel, r: Rng, plant: (what: string) => void): MetaModel[] {
  const limit = org.params.metaFiles;
  const metas: MetaModel[] = [];
  const version = (): string => `${r.int(1, 3)}.${r.int(0, 9)}.${r.int(0, 9)}`;
  const snakeOf = new Map(org.components.filter((c) => c.kind === 'builder').map((c) => [c.classes[0] ?? '', c.snake]));
  const make = (path: string, step: string, ws: string | null, candidates: string[]): MetaModel => ({
    path,
    step,
    ws,
    version: version(),
    description: `${step} (companion metadata)`,
    tags: r.sample(TAGS, r.int(1, 3)),
    deps: r.sample(candidates, Math.min(candidates.length, r.int(0, 3))).map((id) => ({
      id,
      ...(r.chance(0.3) ? { range: '>=1.0.0' } : {}),
      ...(r.chance(0.1) ? { optional: true } : {}),
    })),
  });
  org.core.forEach((e, i) => {
    if (metas.length >= limit) return;
    const snake = snakeOf.get(`${e.name}StepBuilder`) ?? snakeOf.get(`${e.name}StepBuiler`);
    if (snake)
      metas.push(
        make(
          `src/cursus/steps/builders/builder_${snake}_step_meta.yaml`,
          e.name,
          null,
          org.core.slice(Math.max(0, i - 40), i).map((x) => x.name),
        ),
      );
  });
  const coreNames = org.core.map((e) => e.name);
  for (const ws of org.workspaces) {
    ws.families.forEach((fam, i) => {
      if (metas.length >= limit) return;
      const snake = snakeOf.get(`${fam}StepBuilder`);
      const earlier = [...ws.families.slice(0, i), ...r.sample(coreNames, 3)];
      if (snake)
        metas.push(
          make(
            `developer_workspaces/developers/${ws.dirName}/src/cursus_dev/steps/builders/builder_${snake}_step_meta.yaml`,
            fam,
            ws.dirName,
            earlier,
          ),
        );
    });
  }
  const core = metas.filter((m) => m.ws === null);
  const [a, b, c] = [core[10], core[20], core[30]];
  if (a && b && c) {
    a.deps.push({ id: b.step });
    b.deps.push({ id: c.step });
    c.deps.push({ id: a.step });
    plant('core RL023 cycle of three (x3 edges)');
  }
  for (const m of metas) {
    const roll = r.next();
    if (roll < 0.004) {
      m.deps.push({ id: 'RetiredStep' });
      plant('meta RL022 unknown required dependency');
    } else if (roll < 0.008) {
      m.deps.push({ id: 'ExperimentalStep', optional: true });
      plant('meta RL022 unknown optional dependency');
    } else if (roll < 0.012 && m.deps[0]) {
      m.deps[0].range = '>=9.0.0';
      plant('meta RL027 unsatisfied range');
    } else if (roll < 0.015) {
      m.tags.push('Bad Tag');
      plant('meta RL020 bad tag');
    }
  }
  const byWs = new Map<string, MetaModel[]>();
  for (const m of metas) if (m.ws) byWs.set(m.ws, [...(byWs.get(m.ws) ?? []), m]);
  for (const list of byWs.values()) {
    const [x, y] = list;
    if (x && y && r.chance(0.01)) {
      x.deps.push({ id: y.step });
      plant('ws RL023 cycle of two (x2 edges)');
    }
  }
  return metas;
}

export function renderMeta(m: MetaModel): string {
  const lines = [
    `description: ${JSON.stringify(m.description)}`,
    `version: ${m.version}`,
    `tags: [${m.tags.map((t) => (/^[a-z][a-z0-9_-]*$/.test(t) ? t : JSON.stringify(t))).join(', ')}]`,
  ];
  if (m.deps.length > 0) {
    lines.push('dependencies:');
    for (const d of m.deps) {
      lines.push(`  - module_id: ${d.id}`);
      if (d.range) lines.push(`    version: "${d.range}"`);
      if (d.optional) lines.push('    optional: true');
    }
  }
  return `${lines.join('\n')}\n`;
}
