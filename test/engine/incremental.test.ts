// Random edit sequences on the example workspaces: after every edit the incremental engine must
// answer exactly what a fresh engine over the same texts answers (the oracle of randomEdits.ts), and
// name every file whose diagnostics changed. The sequences of incrementalRuns.ts run half their length here;
// `npm run test:soak` runs them whole, and the same oracle much longer.
import {
  DAG_EDITS,
  EDITS,
  HOST_EDITS,
  INTERFACE_EDITS,
  META_EDITS,
  ONEX_EDITS,
  TREE_EDITS,
  runSequence,
  type Edit,
} from './randomEdits';
import { environmentRun, HOSTED_RUNS, HOSTED_STEPS, RUNS, RUN_STEPS } from './incrementalRuns';

/**
 * The fuzzer's minimal case (seed 881930): an interface's `entry_point` line repeated thousands of times
 * as `key: value:` nests one compact mapping per line and overflows the YAML composer's stack past the
 * 50th syntax error; the errors counted then depended on the stack depth the parse ran at, which differs
 * between an edit of a long-lived engine and a fresh analysis.
 */
const STACK_OVERFLOW: Edit = (files) => {
  const f = 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml';
  const text = files.get(f);
  return text === undefined
    ? null
    : [f, text.replace(/^ {2}entry_point: .*$/m, '  entry_point: tabular_preprocntract:\n'.repeat(4000).trimEnd())];
};

/** A workspace registry copied into directories that do not exist yet, then deleted with them (every other step). */
const NEW_WORKSPACE: Edit = (files) => {
  const from = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
  const to = from.replace('/alice_ml/', '/new_dev/');
  return files.has(to) ? [to, null] : [to, files.get(from) ?? ''];
};

/**
 * Copies of a workspace registry in and out of eighty workspace directories side by side: past 32 the
 * path index reads a directory's subdirectories in groups (analysis/files.ts), so workspaces come and
 * go across group boundaries and shift the groups after them. Seed 3 passes 32 directories at step 35,
 * then adds 20 and deletes 4 past them by step 70; more steps only make each fresh analysis slower.
 */
const WIDE_WORKSPACES: Edit = (files, pick) => {
  const from = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
  const to = from.replace('/alice_ml/', `/dev_${String(pick([...Array(80).keys()])).padStart(2, '0')}/`);
  return files.has(to) ? (pick([true, false, false]) ? [to, null] : null) : [to, files.get(from) ?? ''];
};

describe('incremental analysis equals from-scratch analysis', function () {
  this.timeout(300000);
  for (const [seed, settings, example, edits] of RUNS) {
    it(`random edit sequence on ${example}, seed ${seed} ${JSON.stringify(settings)}`, async () => {
      await runSequence({ seed, settings, example, edits: [...edits, ...TREE_EDITS], steps: RUN_STEPS / 2 });
    });
  }
  it('random edit sequence on a project whose Python environment lies in it (library files present)', async () => {
    const run = environmentRun(RUN_STEPS / 2);
    await runSequence({ ...run, edits: [...run.edits, ...TREE_EDITS] });
  });
  // settings and symbolic links are inputs too: changed between edits, every answer is still a fresh engine's
  for (const [seed, example, edits] of HOSTED_RUNS) {
    it(`random edits and setting or link changes on ${example}, seed ${seed}`, async () => {
      await runSequence({
        seed,
        settings: {},
        example,
        edits: [...edits],
        hostEdits: HOST_EDITS,
        steps: HOSTED_STEPS / 2,
      });
    });
  }
  // a cold start in steps (the server's, its open files' units first) with edits landing between them
  const stepped: [number, string, Edit[]][] = [
    [16, 'demo-workspace', [...EDITS, NEW_WORKSPACE]],
    [17, 'meta-workspace', [...EDITS, ...META_EDITS]],
    [18, 'interface-workspace', INTERFACE_EDITS],
    [19, 'onex-registry', ONEX_EDITS],
    [20, 'apcore-extensions', META_EDITS],
    [26, 'cursus-pipelines', DAG_EDITS],
  ];
  for (const [seed, example, edits] of stepped) {
    it(`analysis in steps of one unit with edits between them on ${example}, seed ${seed}`, async () => {
      await runSequence({ seed, settings: {}, example, edits: [...edits, ...TREE_EDITS], steps: 20, stepped: true });
    });
  }
  it('a workspace whose directories appear with its registry and vanish with it reads as from scratch', async () => {
    await runSequence({ seed: 1, settings: {}, example: 'demo-workspace', edits: [NEW_WORKSPACE], steps: 4 });
  });
  it('workspaces coming and going in a directory of more than 32 subdirectories read as from scratch', async () => {
    await runSequence({ seed: 3, settings: {}, example: 'demo-workspace', edits: [WIDE_WORKSPACES], steps: 70 });
  });
  it("an interface that overflows the YAML composer's stack reads the same after an edit as from scratch", async () => {
    await runSequence({ seed: 1, settings: {}, example: 'interface-workspace', edits: [STACK_OVERFLOW], steps: 1 });
  });
});
