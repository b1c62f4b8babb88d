// The toy family's one code, declared once (documented in docs/diagnostics.md#rl960 once the family is added).
import { CORE_CODES, diagnostics, type CodeTable } from '../../codes';

export const TOY_CODES = {
  RL960: { severity: 'warning', title: 'toy step defined in two registry files' },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...TOY_CODES });
