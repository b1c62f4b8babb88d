// npm run test:nvim: Neovim (0.7.2 from Debian) as a second LSP client. Starts `nvim --headless`
// with test/nvim/init.lua (attaches dist/server.js to Python and YAML buffers) and runs
// test/nvim/check.lua on examples/demo-workspace and a small YAML registry written to a temp dir.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SERVER = process.env.REGISTRY_LENS_SERVER || path.join(REPO, 'dist', 'server.js');
const TIMEOUT_MS = 180_000;

if (!fs.existsSync(SERVER)) {
  console.error(`${SERVER} missing: run \`npm run build\``);
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-nvim-'));
const yamlRoot = path.join(tmp, 'yaml-registry');
const files = {
  'src/cursus/registry/step_names.yaml': `# Core registry in YAML: the step_names mapping
step_names:
  TabularPreprocessing:
    config_class: TabularPreprocessingConfig
    builder_step_name: TabularPreprocessingStepBuilder
    spec_type: TabularPreprocessing
    sagemaker_step_type: Processing
    description: Tabular preprocessing
  XGBoostTraining:
    config_class: XGBoostTrainingConfig
    builder_stepname: XGBoostTrainingStepBuilder
    spec_type: XGBoostTraining
    sagemaker_step_type: Training
    description: XGBoost training
`,
  'src/cursus/steps/builders/builder_tabular_preprocessing_step.py':
    'class TabularPreprocessingStepBuilder:\n    pass\n',
  'src/cursus/steps/builders/builder_xgboost_training_step.py': 'class XGBoostTrainingStepBuilder:\n    pass\n',
  'src/cursus/steps/configs/config_tabular_preprocessing_step.py': 'class TabularPreprocessingConfig:\n    pass\n',
  'src/cursus/steps/configs/config_xgboost_training_step.py': 'class XGBoostTrainingConfig:\n    pass\n',
};
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(yamlRoot, rel)), { recursive: true });
  fs.writeFileSync(path.join(yamlRoot, rel), text);
}

const result = path.join(tmp, 'result.txt');
const demo = path.join(REPO, 'examples', 'demo-workspace');
const t0 = Date.now();
const nvim = spawn(
  'nvim',
  [
    '--headless',
    '-i',
    'NONE',
    '-n',
    '-u',
    path.join(HERE, 'init.lua'),
    '-c',
    `luafile ${path.join(HERE, 'check.lua')}`,
  ],
  {
    cwd: demo,
    env: {
      ...process.env,
      REGISTRY_LENS_SERVER: SERVER,
      RL_DEMO: demo,
      RL_YAML_ROOT: yamlRoot,
      RL_RESULT: result,
      // keep Neovim's state and lsp.log out of the home directory
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
      XDG_STATE_HOME: path.join(tmp, 'state'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
nvim.stdout.on('data', (d) => (output += d));
nvim.stderr.on('data', (d) => (output += d));
const timer = setTimeout(() => {
  output += `\n(killed after ${TIMEOUT_MS} ms)`;
  nvim.kill('SIGKILL');
}, TIMEOUT_MS);
const code = await new Promise((resolve) => nvim.on('exit', (c, s) => resolve(c ?? s)));
clearTimeout(timer);

const lines = fs.existsSync(result) ? fs.readFileSync(result, 'utf8').split('\n').filter(Boolean) : [];
const version = await new Promise((resolve) => {
  const v = spawn('nvim', ['--version']);
  let s = '';
  v.stdout.on('data', (d) => (s += d));
  v.on('exit', () => resolve(s.split('\n')[0]));
});
console.log(`\n  Registry Lens in Neovim (${version}, headless)`);
for (const l of lines) {
  const [, state, rest] = /^(\w+) (.*)$/.exec(l) || [];
  console.log(`    ${state === 'PASS' ? '✔' : state === 'FAIL' ? '✘' : '·'} ${rest}`);
}
const failed = lines.filter((l) => l.startsWith('FAIL'));
const passed = lines.filter((l) => l.startsWith('PASS'));
console.log(`\n  ${passed.length} passing, ${failed.length} failing (${Date.now() - t0} ms)`);
let ok = code === 0 && failed.length === 0 && passed.length >= 6;
if (!ok) {
  console.log(`  nvim exited ${code}${lines.length ? '' : ' without writing results'}`);
  if (output.trim()) console.log(output.trim());
  const log = path.join(tmp, 'cache', 'nvim', 'lsp.log');
  if (fs.existsSync(log)) console.log(`--- lsp.log ---\n${fs.readFileSync(log, 'utf8').slice(-4000)}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
