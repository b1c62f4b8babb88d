// A cross-file check written only against the public check API, with no invalidation rule: it reads
// core, every workspace's overrides and every companion's dependencies. Used by the tests that show
// the incremental engine stays exact for checks it was not written for.
import type { CrossFileCheck } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/types';
import { diagnostics } from '../../server/src/engine/codes';

/** The check's own code (a test code: no section in docs/diagnostics.md, the check is not part of the engine). */
export const OVERRIDE_CODES = {
  RL900: { severity: 'warning', title: 'override changes sagemaker_step_type' },
} as const;
const diag = diagnostics(OVERRIDE_CODES);
import { fieldStr } from '../../server/src/engine/model/entries/source';

/** An override that changes the core step's sagemaker_step_type, with how many companions depend on the step. */
export const overrideChangesType: CrossFileCheck = {
  name: 'override-changes-type',
  run(ctx) {
    const dependents = new Map<string, number>();
    for (const m of ctx.metaFiles())
      for (const d of ctx.metaDoc(m)?.deps ?? []) dependents.set(d.moduleId, (dependents.get(d.moduleId) ?? 0) + 1);
    const out: Diagnostic[] = [];
    for (const ws of ctx.model.sortedWorkspaces()) {
      for (const e of ws.overrides.values()) {
        const core = ctx.model.core.get(e.name);
        const [mine, theirs] = [
          fieldStr(e, 'sagemaker_step_type'),
          core ? fieldStr(core, 'sagemaker_step_type') : null,
        ];
        if (!core || mine === theirs) continue;
        out.push(
          diag(
            e.file,
            e.keyRange,
            'RL900',
            `override changes sagemaker_step_type ${theirs} -> ${mine} (${dependents.get(e.name) ?? 0} dependents)`,
            { severity: 'hint' },
          ),
        );
      }
    }
    return out;
  },
};
