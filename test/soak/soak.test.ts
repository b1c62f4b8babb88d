// The slow soak of the incremental oracle (`npm run test:soak`, in CI after `npm test`): many more and
// longer random edit sequences than test/engine/incremental.test.ts, over every example and mode,
// including a cross-file check added through the public API and, every other run, setting and link changes. SOAK_RUNS and SOAK_STEPS override the
// defaults (100 runs × 60 steps); every shape of the incremental test is here.
import {
  DAG_EDITS,
  EDITS,
  HOST_EDITS,
  INTERFACE_EDITS,
  META_EDITS,
  ONEX_CONTRACT_EDITS,
  ONEX_EDITS,
  TREE_EDITS,
  runSequence,
  type Sequence,
} from '../engine/randomEdits';
import { overrideChangesType } from '../engine/overrideCheck';
import {
  environmentRun,
  HOSTED_RUNS,
  HOSTED_STEPS,
  RUNS as INCREMENTAL_RUNS,
  RUN_STEPS,
} from '../engine/incrementalRuns';

const RUNS = Number(process.env.SOAK_RUNS ?? 100);
const STEPS = Number(process.env.SOAK_STEPS ?? 60);

const SHAPES: Omit<Sequence, 'seed' | 'steps'>[] = [
  { settings: {}, example: 'demo-workspace', edits: EDITS },
  { settings: { mode: 'hybrid' }, example: 'demo-workspace', edits: EDITS },
  { settings: { checkAllComponents: true }, example: 'demo-workspace', edits: EDITS },
  { settings: {}, example: 'meta-workspace', edits: [...EDITS, ...META_EDITS] },
  { settings: { mode: 'hybrid' }, example: 'meta-workspace', edits: [...EDITS, ...META_EDITS] },
  { settings: {}, example: 'apcore-extensions', edits: META_EDITS },
  { settings: {}, example: 'hybrid-workspace', edits: EDITS },
  { settings: {}, example: 'interface-workspace', edits: [...EDITS, ...INTERFACE_EDITS] },
  { settings: { mode: 'hybrid' }, example: 'interface-workspace', edits: [...EDITS, ...INTERFACE_EDITS] },
  { settings: { onexPins: { logger_node: '1.0.0' } }, example: 'onex-registry', edits: ONEX_EDITS },
  { settings: {}, example: 'cursus-pipelines', edits: [...DAG_EDITS, ...DAG_EDITS, ...INTERFACE_EDITS] },
  { settings: {}, example: 'onex-contracts', edits: ONEX_CONTRACT_EDITS },
  {
    settings: { onexValidators: ['compliance-scan', 'auto-wiring'] },
    example: 'onex-contracts',
    edits: ONEX_CONTRACT_EDITS,
  },
];

describe(`soak: ${RUNS} random edit sequences of ${STEPS} steps`, function () {
  this.timeout(0);
  for (let run = 0; run < RUNS; run++) {
    const shape = SHAPES[run % SHAPES.length] as (typeof SHAPES)[number];
    const hosted = run % 2 === 1;
    it(`run ${run + 1}: ${shape.example} ${JSON.stringify(shape.settings)}${run % 3 === 2 ? ' with an extra check' : ''}${hosted ? ', settings and links change' : ''}`, async () => {
      await runSequence({
        ...shape,
        edits: [...shape.edits, ...TREE_EDITS],
        hostEdits: hosted ? HOST_EDITS : [],
        seed: 1000 + run,
        steps: STEPS,
        options: run % 3 === 2 ? { checks: [overrideChangesType] } : {},
      });
    });
  }
});

describe("soak: the incremental test's sequences at their full length", function () {
  this.timeout(0);
  for (const [seed, settings, example, edits] of INCREMENTAL_RUNS)
    it(`${example}, seed ${seed} ${JSON.stringify(settings)}, ${RUN_STEPS} steps`, () =>
      runSequence({ seed, settings, example, edits: [...edits, ...TREE_EDITS], steps: RUN_STEPS }));
  it(`cursus-project with its .venv, ${RUN_STEPS} steps`, () => {
    const run = environmentRun(RUN_STEPS);
    return runSequence({ ...run, edits: [...run.edits, ...TREE_EDITS] });
  });
  for (const [seed, example, edits] of HOSTED_RUNS)
    it(`${example}, seed ${seed}, settings and links change, ${HOSTED_STEPS} steps`, () =>
      runSequence({ seed, settings: {}, example, edits: [...edits], hostEdits: HOST_EDITS, steps: HOSTED_STEPS }));
});
