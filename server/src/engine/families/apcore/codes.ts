// The diagnostic codes only the apcore family's rules raise (binding files, deprecation keys of companion
// metadata, apcore.yaml values, ACL files), each documented in its section of docs/diagnostics.md and seeded
// in its example (test/cli/examples.test.ts); its readers and discovery rules raise them, the step model's
// and the core's through `diag`.
import { CORE_CODES, diagnostics, type CodeTable } from '../../codes';
import { STEP_CODES } from '../../model/codes';

export const APCORE_CODES = {
  RL070: { severity: 'error', title: 'binding file apcore cannot load' },
  RL071: { severity: 'error', title: 'binding target does not resolve' },
  RL073: { severity: 'warning', title: 'deprecation key no apcore SDK reads' },
  RL074: { severity: 'error', title: "apcore.yaml value apcore's Config rejects" },
  RL075: { severity: 'error', title: 'ACL file apcore cannot load' },
} as const satisfies CodeTable;

/** The one constructor of the apcore family's diagnostics: its codes, the step model's and the core's. */
export const diag = diagnostics({ ...CORE_CODES, ...STEP_CODES, ...APCORE_CODES });
