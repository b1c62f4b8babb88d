// Shared by the CLI tests: runs the built `dist/cli.js` as a child process and writes fixture trees
// (a tiny core registry with components and one workspace) into temporary directories.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `cli`: another build of the command (a copy of the bundle). */
export function runCli(args: string[], cwd = REPO, cli = CLI): CliRun {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `runCli` without blocking: runs beside others (two runs whose results are compared). */
export function runCliAsync(args: string[], cwd = REPO, cli = CLI): Promise<CliRun> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, timeout: 60_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

export function runJson(
  args: string[],
  cwd = REPO,
): { code: number | null; json: Record<string, unknown>; stderr: string } {
  const r = runCli(args, cwd);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

export type Tree = Record<string, string>;

const temps: string[] = [];

/** Writes `tree` (root-relative POSIX path → text) into a fresh temporary directory. */
export function writeTree(tree: Tree): string {
  const root = mkdtempSync(join(tmpdir(), 'registry-lens-cli-'));
  temps.push(root);
  for (const [file, text] of Object.entries(tree)) {
    const abs = join(root, ...file.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

export function removeTrees(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Mocha hooks of a suite whose runs find the Python environment themselves: no activated one in each test
 * (`VIRTUAL_ENV`, `CONDA_PREFIX`, restored after the suite), the trees written removed.
 */
export function withoutActivatedEnvironment(): void {
  const saved = { VIRTUAL_ENV: process.env['VIRTUAL_ENV'], CONDA_PREFIX: process.env['CONDA_PREFIX'] };
  beforeEach(() => {
    delete process.env['VIRTUAL_ENV'];
    delete process.env['CONDA_PREFIX'];
  });
  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    removeTrees();
  });
}

export const CORE_REGISTRY = 'src/cursus/registry/step_names.py';
export const ALICE = 'developer_workspaces/developers/alice/src/cursus_dev';
export const ALICE_REGISTRY = `${ALICE}/registry/workspace_registry.py`;

export function entry(name: string, sagemaker: string, extra = ''): string {
  return `    "${name}": {
        "config_class": "${name}Config",
        "builder_step_name": "${name}StepBuilder",
        "spec_type": "${name}",
        "sagemaker_step_type": "${sagemaker}",
        "description": "${name} step",${extra}
    },
`;
}

function classFile(cls: string): string {
  return `class ${cls}:\n    """Stub."""\n`;
}

/** A clean root: core TabularPreprocessing + XGBoostTraining, workspace alice with one local step and one override. */
export function cleanTree(): Tree {
  return {
    [CORE_REGISTRY]: `STEP_NAMES = {\n${entry('TabularPreprocessing', 'Processing')}${entry('XGBoostTraining', 'Training')}}\n`,
    'src/cursus/steps/builders/builder_tabular_preprocessing_step.py': classFile('TabularPreprocessingStepBuilder'),
    'src/cursus/steps/builders/builder_xgboost_training_step.py': classFile('XGBoostTrainingStepBuilder'),
    'src/cursus/steps/configs/config_tabular_preprocessing_step.py': classFile('TabularPreprocessingConfig'),
    'src/cursus/steps/configs/config_xgboost_training_step.py': classFile('XGBoostTrainingConfig'),
    [ALICE_REGISTRY]: `LOCAL_STEPS = {
${entry('FeatureJoin', 'Processing')}}

STEP_OVERRIDES = {
    "XGBoostTraining": {
        "config_class": "XGBoostTrainingConfig",
        "builder_step_name": "XGBoostTrainingStepBuilder",
        "spec_type": "XGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "Alice's XGBoost training",
        "framework": "xgboost",
    },
}

WORKSPACE_METADATA = {
    "developer_id": "alice",
    "version": "1.0.0",
    "description": "Alice's workspace",
}
`,
    [`${ALICE}/steps/builders/builder_feature_join_step.py`]: classFile('FeatureJoinStepBuilder'),
    [`${ALICE}/steps/configs/config_feature_join_step.py`]: classFile('FeatureJoinConfig'),
  };
}

/** The clean root with one missing builder (RL005, error) and one missing config class (RL006, warning). */
export function brokenTree(): Tree {
  const tree = cleanTree();
  tree[CORE_REGISTRY] =
    `STEP_NAMES = {\n${entry('TabularPreprocessing', 'Processing')}${entry('XGBoostTraining', 'Training')}${entry('ModelCalibration', 'Processing')}}\n`;
  tree['src/cursus/steps/configs/config_model_calibration_step.py'] = classFile('ModelCalibrationConfig');
  tree[`${ALICE}/steps/configs/config_feature_join_step.py`] = '# the config class was removed\n';
  return tree;
}

/** The clean root with only a warning (missing config class of alice's FeatureJoin). */
export function warningTree(): Tree {
  const tree = cleanTree();
  tree[`${ALICE}/steps/configs/config_feature_join_step.py`] = '# the config class was removed\n';
  return tree;
}

/** The clean root plus workspace bob defining FeatureJoin locally too (RL002 conflict). */
export function conflictTree(): Tree {
  const bob = 'developer_workspaces/developers/bob/src/cursus_dev';
  return {
    ...cleanTree(),
    [`${bob}/registry/workspace_registry.py`]: `LOCAL_STEPS = {\n${entry('FeatureJoin', 'Processing')}}\n\nWORKSPACE_METADATA = {"developer_id": "bob"}\n`,
    [`${bob}/steps/builders/builder_feature_join_step.py`]: classFile('FeatureJoinStepBuilder'),
    [`${bob}/steps/configs/config_feature_join_step.py`]: classFile('FeatureJoinConfig'),
  };
}

/** The text a 0-based, UTF-16 range covers in `text`. */
export function textAt(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line)
    return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const middle = lines.slice(range.start.line + 1, range.end.line);
  return [
    (lines[range.start.line] ?? '').slice(range.start.character),
    ...middle,
    (lines[range.end.line] ?? '').slice(0, range.end.character),
  ].join('\n');
}
