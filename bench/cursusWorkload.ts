// The cursus 1.x org (bench/generate.ts) as a bench workload: workspace-registry and companion edits
// pooled, the core STEP_NAMES registry as the central file, builder modules as components. The draws
// are the ones the bench has always made, so the figures stay comparable with the baseline.
import {
  buildOrg,
  cursusGenerated,
  renderComponent,
  renderCoreRegistry,
  renderWorkspaceRegistry,
  setField,
  type OrgParams,
} from './generate';
import { EDIT_KINDS, EditSession } from './edits';
import { renderMeta } from './metaFiles';
import type { Rng } from './rng';
import type { BenchEdit, Workload } from './workload';

export function cursusWorkload(params: OrgParams): Workload {
  const org = buildOrg(params);
  return {
    name: params.name,
    family: 'cursus',
    seed: params.seed,
    summary:
      `cursus 1.x: ${params.coreSteps.toLocaleString('en-US')} core steps, ${params.workspaces.toLocaleString('en-US')} workspaces × ${params.entriesPerWorkspace} entries, ` +
      `${params.componentFiles.toLocaleString('en-US')} builder/config modules, ${params.metaFiles.toLocaleString('en-US')} companions`,
    entries: params.coreSteps + params.workspaces * params.entriesPerWorkspace,
    seeded: org.seeded,
    editKinds: EDIT_KINDS,
    secondaryKinds: ['meta'],
    generated: cursusGenerated(org),
    readsReferencedFiles: false,
    staleProbe: () => [
      ...org.workspaces.slice(0, 25).map((ws) => ({ file: ws.registryPath, text: renderWorkspaceRegistry(ws) })),
      ...org.metas.slice(0, 25).map((m) => ({ file: m.path, text: renderMeta(m) })),
    ],
    edits: () => new EditSession(org),
    centralLabel: 'the core registry (a description changes: every unit is re-checked)',
    centralEdits(rng: Rng, n: number): BenchEdit[] {
      const out: BenchEdit[] = [];
      for (let i = 0; i < n; i++) {
        setField(rng.pick(org.core), 'description', `Revised core step ${i} (${rng.int(1, 1e6)})`);
        out.push({ kind: 'core', file: org.corePath, text: renderCoreRegistry(org) });
      }
      return out;
    },
    componentLabel: 'workspace builder modules (the class is renamed, then restored: RL005 appears and goes)',
    componentEdits(rng: Rng): BenchEdit[] {
      const builders = org.components.filter((c) => c.kind === 'builder' && c.path.startsWith('developer_workspaces/'));
      return rng.sample(builders, 10).flatMap((c) => [
        {
          kind: 'component',
          file: c.path,
          text: renderComponent({ ...c, classes: c.classes.map((x) => `${x}Legacy`) }),
        },
        { kind: 'component', file: c.path, text: renderComponent(c) },
      ]);
    },
  };
}
