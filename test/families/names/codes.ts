// The names family's one diagnostic code, declared once (a test family: registered only by tests, so
// docs/diagnostics.md, which documents the engine's codes, has no section for it).
import { CORE_CODES, diagnostics, type CodeTable } from '../../../server/src/engine/codes';

export const NAMES_CODES = {
  RL950: { severity: 'warning', title: 'name defined twice' },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...NAMES_CODES });
