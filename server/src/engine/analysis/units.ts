// The diagnostics of the engine as tracked queries, one per unit: a file alone (`local:`), core, each
// workspace (`ws:`), the apcore scan, each meta file, each module, each context's cycles, and each
// registered cross-file check. The set of units is itself a query; the publisher observes them all.
import type { Diagnostic } from '../types';
import { QueryGroup, type Query } from '../db/database';
import { checkCoreUnit, checkWorkspaceUnit } from '../checks/units';
import type { PipelineQueries } from '../pipeline/queries';
import type { CheckContext, CrossFileCheck } from '../checks/registry';
import type { FileQueries } from './files';
import type { ModelQueries } from './model';
import { sameList } from './equality';

const NONE = '';

interface UnitInputs {
  files: FileQueries;
  model: ModelQueries;
  pipeline: PipelineQueries;
  checks: readonly CrossFileCheck[];
  context: CheckContext;
}

export class UnitQueries extends QueryGroup<UnitInputs> {
  private get f(): FileQueries { return this.deps.files; }
  private get model(): ModelQueries { return this.deps.model; }
  private get pipeline(): PipelineQueries { return this.deps.pipeline; }

  /** Every unit key, sorted. */
  readonly keysQ: Query<string[]> = this.db.query('unitKeys', () => {
    const keys = ['core', 'apcore'];
    for (const dir of this.model.workspaces.keys()) keys.push(`ws:${dir}`);
    for (const m of this.f.metaFilesQ(NONE)) keys.push(`meta:${m}`);
    for (const file of this.pipeline.scanQ(NONE).scanned.keys()) keys.push(`mod:${file}`);
    for (const scope of this.pipeline.cycleScopesQ(NONE)) keys.push(`cyc:${scope}`);
    for (const c of this.deps.checks) keys.push(`check:${c.name}`);
    return keys.sort();
  }, sameList);

  readonly unitQ: Query<Diagnostic[]> = this.db.query('unit', (key) => {
    const colon = key.indexOf(':');
    const kind = colon < 0 ? key : key.slice(0, colon);
    const arg = colon < 0 ? '' : key.slice(colon + 1);
    switch (kind) {
      case 'local': return this.f.applied(arg).local;
      case 'core': return checkCoreUnit(this.model, this.f.settings());
      case 'ws': {
        const ws = this.model.workspace(arg);
        return ws ? checkWorkspaceUnit(this.model, ws, this.f.settings()) : [];
      }
      case 'apcore': return this.pipeline.apcoreDiagnosticsQ(NONE);
      case 'meta': return this.pipeline.metaQ(arg)?.diagnostics ?? [];
      case 'mod': return this.pipeline.moduleDiagnosticsQ(arg);
      case 'cyc': return this.pipeline.cyclesQ(arg);
      case 'check': return this.deps.checks.find((c) => c.name === arg)?.run(this.deps.context) ?? [];
      default: return [];
    }
  });
}
