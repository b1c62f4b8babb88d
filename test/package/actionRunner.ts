// action.yml's `run:` steps executed as the GitHub runner would (bash -eo pipefail, expressions substituted,
// GITHUB_OUTPUT collected; `uses:` steps skipped: Node is already here), for the action at a folder: a clone of this
// repository (action.slow.ts) or the release's hooks repository (release.slow.ts).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
export interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
export interface ActionRun {
  failed: boolean;
  outputs: Record<string, string>;
  log: string;
}

/** The action at `actionPath`, and a runner of its steps whose scratch files go under `tmp`. */
export function actionAt(
  actionPath: string,
  tmp: string,
): {
  action: Action;
  /** Runs the `run:` steps (all, or from the step `from` on) in the workspace `ws` with the inputs `given`. */
  run(ws: string, given: Record<string, string>, from?: number, searchPath?: string): ActionRun;
  /** The index of the step whose id is `check`. */
  checkStep(): number;
} {
  const action = parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as Action;
  const run = (
    ws: string,
    given: Record<string, string>,
    from = 0,
    searchPath: string = process.env['PATH'] ?? '',
  ): ActionRun => {
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
    const steps: Record<string, Record<string, string>> = {};
    const expr = (text: string): string =>
      text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
        if (e === 'github.action_path') return actionPath;
        if (e === 'github.workspace') return ws;
        const input = /^inputs\.([\w-]+)$/.exec(e);
        if (input) return inputs[input[1]!] ?? '';
        const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
        if (output) return steps[output[1]!]?.[output[2]!] ?? '';
        throw new Error(`expression not handled by the test: ${e}`);
      });
    const outputsOf = (): Record<string, string> =>
      Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expr(v.value)]));
    let log = '';
    for (const step of action.runs.steps.slice(from)) {
      if (step.uses !== undefined) continue;
      assert.equal(step.shell, 'bash');
      assert.ok(!step.run!.includes('${{'), `${step.name}: inputs reach the script through env, never spliced into it`);
      const outputFile = path.join(mkdtempSync(path.join(tmp, 'step-')), 'github-output');
      writeFileSync(outputFile, '');
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)]));
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: step['working-directory'] ? expr(step['working-directory']) : ws,
        encoding: 'utf8',
        env: {
          ...process.env,
          ...env,
          GITHUB_OUTPUT: outputFile,
          GITHUB_ACTION_PATH: actionPath,
          GITHUB_WORKSPACE: ws,
          PATH: searchPath,
        },
      });
      log += r.stdout + r.stderr;
      if (step.id)
        steps[step.id] = Object.fromEntries(
          readFileSync(outputFile, 'utf8')
            .split('\n')
            .filter((l) => l.includes('='))
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        );
      if (r.status !== 0) return { failed: true, outputs: outputsOf(), log };
    }
    return { failed: false, outputs: outputsOf(), log };
  };
  return { action, run, checkStep: () => action.runs.steps.findIndex((s) => s.id === 'check') };
}
