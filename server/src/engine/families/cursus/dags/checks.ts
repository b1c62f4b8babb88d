// The step checks of one DAG file, as `validate_dag_integrity()` runs them with its step catalog
// (`api/dag/pipeline_dag_resolver.py` 529-597): each declared node resolves to a step (RL039,
// `_validate_steps_with_catalog()`), and a resolved node's step has a builder, a contract and a spec
// (RL060, `_validate_component_availability()`): an interface cursus refuses to load for the node's job type gives
// neither (`get_step_interface()` returns None). Before cursus 2.5.1 (`routes` null) only RL039: its
// catalog had no suffix fallback, so components are not judged there.
import type { Diagnostic, RelatedInfo } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { fieldStr } from '../../../model/entries/source';
import { refusalFor } from '../../../model/entries/entry';
import { diag } from './codes';
import type { DagQueries } from './resolve';
import type { DagDoc, NodeRef } from './read';

/** Whether a `sagemaker_step_type` routes to a build strategy (`registry/strategy_registry.py`). */
export type Routes = (sagemakerStepType: string) => boolean;

export function checkDagSteps(
  file: string,
  doc: DagDoc,
  model: RegistryModel,
  dags: DagQueries,
  routes: Routes | null,
  /** Why a step a pack defines is not in the table (an installed cursus older than step packs), else null. */
  packUnread: (name: string) => string | null = () => null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const node of doc.nodes) {
    const hit = dags.resolve(node.name);
    if (!hit) {
      const near = model.closestCore(node.name.split('_')[0] ?? node.name);
      const unread = packUnread(node.name) ?? packUnread(node.name.split('_')[0] ?? node.name);
      const hint =
        unread !== null ? ` ${unread}.` : near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : '';
      const message = `Step '${node.name}' not found in catalog: no step is named by it or by a prefix of it`;
      out.push(diag(file, node.range, 'RL039', `${message} before a '_'.${hint}`));
      continue;
    }
    if (!routes) continue;
    // `get_step_interface()` loads a suffixed node's step with the rest of its name as the job type (748-775).
    const jobType = hit.prefix < node.name.length ? node.name.slice(hit.prefix + 1) : null;
    const missing = missingComponents(model, node, hit.step, jobType, routes);
    if (missing.length) {
      const what = missing
        .flatMap((m) => m.what)
        .map((m) => `'${m}'`)
        .join(', ');
      const why = missing.map((m) => m.why).join('; ');
      const related = missing.flatMap((m) => m.related ?? []);
      const message = `Step '${node.name}' missing components: [${what}] — ${why}`;
      out.push(diag(file, node.range, 'RL060', message, related.length ? { related } : undefined));
    }
  }
  return out;
}

/** The row `has_builder_provider()` reads: the node name less one `_` suffix (`rsplit("_", 1)[0]`, line 662). */
function builderRow(node: NodeRef): string {
  const at = node.name.lastIndexOf('_');
  return at < 0 ? node.name : node.name.slice(0, at);
}

interface Missing {
  what: string[];
  why: string;
  related?: RelatedInfo;
}

/**
 * What the step lacks, each with why: the builder is there when the row's `sagemaker_step_type` routes
 * (`has_builder_provider()`, 644-684); contract and spec are views of the step's `.step.yaml` interface
 * (`get_step_interface()`, 748-775).
 */
function missingComponents(
  model: RegistryModel,
  node: NodeRef,
  step: string,
  jobType: string | null,
  routes: Routes,
): Missing[] {
  const out: Missing[] = [];
  const rowName = builderRow(node);
  const row = model.core.get(rowName);
  const type = row ? fieldStr(row, 'sagemaker_step_type') : null;
  const builder = (why: string): number => out.push({ what: ['builder'], why });
  if (!row) builder(`no registry row '${rowName}' (the builder check strips one '_' suffix)`);
  else if (!type) builder(`row '${rowName}' has no sagemaker_step_type`);
  else if (!routes(type)) builder(`sagemaker_step_type '${type}' routes to no build strategy`);
  const iface = model.core.get(step);
  const refusal = iface?.synthesized ? refusalFor(iface, jobType) : null;
  if (!iface?.synthesized) {
    out.push({ what: ['contract', 'spec'], why: `${step} has no .step.yaml interface` });
  } else if (refusal) {
    const forJob = jobType === null ? '' : ` for job type '${jobType}'`;
    out.push({
      what: ['contract', 'spec'],
      why: `the interface of ${step} fails to load${forJob} (${refusal.message})`,
      related: {
        file: refusal.file,
        range: refusal.range,
        message: `cursus refuses the interface: ${refusal.message}`,
      },
    });
  }
  return out;
}
