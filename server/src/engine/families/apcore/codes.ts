// The diagnostic codes only the apcore family's readers raise (binding files), each documented in its
// section of docs/diagnostics.md and seeded in its example (test/cli/examples.test.ts); its readers raise
// them, the step model's and the core's through `diag`. RL074 and RL075 (apcore.yaml, ACL files) stay the
// step model's until the example seeds them.
import { CORE_CODES, diagnostics, type CodeTable } from '../../codes';
import { STEP_CODES } from '../step-registry/codes';

export const APCORE_CODES = {
  RL070: { severity: 'error', title: 'binding file apcore cannot load' },
  RL071: { severity: 'error', title: 'binding target does not resolve' },
} as const satisfies CodeTable;

/** The one constructor of the apcore family's diagnostics: its codes, the step model's and the core's. */
export const diag = diagnostics({ ...CORE_CODES, ...STEP_CODES, ...APCORE_CODES });
