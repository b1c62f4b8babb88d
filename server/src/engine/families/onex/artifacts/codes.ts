// The diagnostic codes the ONEX family raises, each declared once with its default severity and title
// (section `<a id="rlNNN">` of docs/diagnostics.md); it raises them and the core's through `diag`.
import { CORE_CODES, diagnostics, type CodeTable } from '../../../codes';

export const ONEX_CODES = {
  RL040: { severity: 'error', title: 'invalid artifact entry' },
  RL041: { severity: 'error', title: 'artifact metadata problem' },
  RL042: { severity: 'error', title: 'artifact path missing' },
  RL043: { severity: 'information', title: 'missing from .onextree' },
  RL044: { severity: 'information', title: 'version directory not registered' },
  RL045: { severity: 'information', title: 'work in progress (.wip)' },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...ONEX_CODES });
