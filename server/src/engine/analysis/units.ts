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

  /** Every cross-file unit key (the `local:` units are one per fed file, kept by the workspace). */
  readonly keysQ: Query<string[]> = this.db.query('unitKeys', () => [
    'core', 'apcore',
    ...this.prefixed('ws:', this.model.contextDirsQ(NONE)),
    ...this.prefixed('meta:', this.f.metaFilesQ(NONE)),
    ...this.prefixed('mod:', this.pipeline.moduleFilesQ(NONE)),
    ...this.prefixed('cyc:', this.pipeline.cycleScopesQ(NONE)),
    ...this.deps.checks.map((c) => `check:${c.name}`),
  ], sameList);

  private prefixed(prefix: string, list: readonly string[]): string[] { return list.map((x) => prefix + x); }

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
