// The random edit sequences of the incremental oracle (randomEdits.ts) that `npm test` runs short
// (incremental.test.ts) and `npm run test:soak` runs at their full length (test/soak/soak.test.ts): each example with
// its seed, settings and edits, and those whose settings and links change between the edits too.
import {
  DAG_EDITS,
  EDITS,
  INTERFACE_EDITS,
  META_EDITS,
  ONEX_CONTRACT_EDITS,
  ONEX_EDITS,
  type Edit,
} from './randomEdits';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { SettingsInput } from '../../server/src/engine/types';
import { EXAMPLES, loadFolder, type Sequence } from './randomEdits';

/** The full length of an edit sequence (RUNS), and of one with setting and link changes (HOSTED_RUNS). */
export const RUN_STEPS = 40;
export const HOSTED_STEPS = 30;

export const RUNS: readonly (readonly [number, SettingsInput, string, readonly Edit[]])[] = [
  [1, {}, 'demo-workspace', EDITS],
  [2, { mode: 'hybrid' }, 'demo-workspace', EDITS],
  [3, { checkAllComponents: true }, 'demo-workspace', EDITS],
  [4, {}, 'meta-workspace', [...EDITS, ...META_EDITS, ...META_EDITS]],
  [5, { mode: 'hybrid' }, 'meta-workspace', [...EDITS, ...META_EDITS]],
  [6, {}, 'apcore-extensions', META_EDITS],
  [7, {}, 'apcore-extensions', META_EDITS],
  [8, {}, 'interface-workspace', [...EDITS, ...INTERFACE_EDITS, ...INTERFACE_EDITS]],
  [9, { mode: 'hybrid' }, 'interface-workspace', [...EDITS, ...INTERFACE_EDITS]],
  [10, { onexPins: { logger_node: '1.0.0' } }, 'onex-registry', ONEX_EDITS],
  [21, {}, 'cursus-pipelines', [...DAG_EDITS, ...DAG_EDITS, ...INTERFACE_EDITS]],
  [11, {}, 'onex-contracts', ONEX_CONTRACT_EDITS],
  [12, { onexValidators: ['compliance-scan', 'auto-wiring'] }, 'onex-contracts', ONEX_CONTRACT_EDITS],
];

export const HOSTED_RUNS: readonly (readonly [number, string, readonly Edit[]])[] = [
  [11, 'demo-workspace', EDITS],
  [12, 'meta-workspace', META_EDITS],
  [13, 'apcore-extensions', META_EDITS],
  [14, 'interface-workspace', INTERFACE_EDITS],
  [15, 'onex-registry', ONEX_EDITS],
  [27, 'cursus-pipelines', DAG_EDITS],
];

/**
 * A project whose Python environment lies in it: examples/cursus-project with the `.venv` its script makes, the
 * installed cursus read as library code. Its edits reach the project's DAGs and pack and the installed package alike.
 */
export function environmentRun(steps: number): Sequence {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lens-oracle-env-'));
  try {
    const example = join(EXAMPLES, 'cursus-project');
    cpSync(example, dir, { recursive: true, filter: (src) => !src.includes(`${sep}.venv`) });
    execFileSync(process.execPath, [join(example, 'make-venv.mjs'), dir]);
    return {
      seed: 31,
      settings: {},
      example: 'cursus-project',
      files: loadFolder(dir),
      library: ['.venv/lib/python3.11/site-packages/cursus'],
      edits: [...DAG_EDITS, ...INTERFACE_EDITS, ...EDITS],
      steps,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
