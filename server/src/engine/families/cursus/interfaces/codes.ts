// The diagnostic codes only the interface family (cursus 2.x `*.step.yaml`) raises, each declared once
// with its default severity and title (section `<a id="rlNNN">` of docs/diagnostics.md); it raises them, the step
// model's and the core's through `diag`.
import { CORE_CODES, diagnostics, type CodeTable } from '../../../codes';
import { STEP_CODES } from '../../../model/codes';

export const INTERFACE_CODES = {
  RL017: { severity: 'warning', title: 'contract script missing' },
  RL018: { severity: 'hint', title: 'unknown step in compatible_sources' },
  RL019: { severity: 'error', title: 'contract and spec disagree' },
  RL032: { severity: 'error', title: 'one step defined twice in one layer' },
  RL034: { severity: 'error', title: 'no interface to synthesize the builder from' },
  RL063: { severity: 'warning', title: 'step pack interface clashes with the package' },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...STEP_CODES, ...INTERFACE_CODES });
