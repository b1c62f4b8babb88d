// Runs one parsed command against a freshly analysed root and returns what to print and the exit
// code; it only asks the engine and formats, the analysis itself lives in the engine.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, Severity } from '../engine/types';
import { renderExplanation } from '../engine/render/explainText';
import { formatExplainJson } from './formatExplainJson';
import { emptyGraphNote } from '../engine/documents/jsonDocuments';
import { formatGraph } from './formatGraph';
import { formatJson } from './formatJson';
import { formatListJson, formatListTable } from './formatList';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { isDirectory, OFF_UNLESS_ASKED, type RootOverrides } from '../host/openRoot';
import { cachedCheck, cacheSpec, wholeResult, type CheckResult } from '../host/checkCache';
import { textsAtRevision } from '../host/gitRevision';
import { UsageError } from './usage';
import { checkAnswer } from './checkAnswer';
import { ask, checkByDaemon, startDaemon } from './daemonClient';
import { daemonSocket } from '../host/daemonSocket';
import { DEFAULT_IDLE_MINUTES, serveDaemon } from './daemonServe';
import { formatDaemonStatus } from './formatDaemonStatus';
import { loadRoot } from './loadRoot';
import type { Command, FailOn } from './parseCommand';
import { selectContext } from './selectContext';
import { initWorkspace } from './initWorkspace';
import { findEnvironment, type PythonEnvironment } from '../host/pythonEnv';
import { cursusAbsent, frameworkFacts, frameworkLines } from '../host/frameworkReport';

export interface CommandResult {
  output: string;
  exitCode: number;
  /** `check --output FILE` of a JSON or SARIF document: the text report, printed while the document goes to FILE. */
  report?: string;
}

type AnalysisCommand = Extract<
  Command,
  { kind: 'check' | 'daemon' | 'explain' | 'list' | 'graph' | 'init-workspace' | 'mcp' }
>;

export async function runCommand(
  cmd: AnalysisCommand,
  version: string,
  warn: (message: string) => void,
): Promise<CommandResult> {
  // Loaded only for this command: the MCP SDK and zod cost every other command's start ~40 ms otherwise.
  if (cmd.kind === 'mcp')
    return { output: '', exitCode: await (await import('../mcp/serve.js')).serveMcp(cmd.root, version, warn, cmd) };
  if (cmd.kind === 'daemon') return daemonCommand(cmd, version);
  // unused suppression comments (RL033) are reported by `check --report-unused-suppressions` only, as ESLint's
  // --report-unused-disable-directives
  const reportUnused = cmd.kind === 'check' && cmd.reportUnusedSuppressions;
  const overrides = {
    mode: 'mode' in cmd ? cmd.mode : undefined,
    off: reportUnused ? [] : OFF_UNLESS_ASKED,
    environment: pythonEnvironment(cmd.root, 'pythonEnv' in cmd ? cmd.pythonEnv : undefined),
  };
  if (cmd.kind === 'check' && cmd.cache !== undefined && !cmd.files)
    return cachedWholeCheck(cmd, overrides, version, warn);
  if (cmd.kind === 'check' && cmd.daemon) {
    const answered = await daemonCheck(cmd, version, warn);
    if (answered !== null && 'output' in answered) return answered;
    // None listened: checked here, then the daemon started (a failure to start changes nothing of this answer).
    if (answered !== null)
      return analyseHere(cmd, overrides, version, warn, answered).finally(async () => {
        const failure = await startDaemon(answered.dir, answered.environment);
        if (failure !== null) warn(`the daemon did not start: ${failure}`);
      });
  }
  return analyseHere(cmd, overrides, version, warn);
}

/** `check --base`'s texts (`checkBase`), when read already. */
interface ReadBase {
  base: Base;
}

/** No daemon listened: the one to start once this check has its answer, and `--base`'s texts read for the request. */
interface NoDaemon extends ReadBase {
  dir: string;
  environment: string | null;
}

/** `cmd` answered from a root analysed in this process; `read`: `--base`'s texts, read before (else read here). */
async function analyseHere(
  cmd: Exclude<AnalysisCommand, { kind: 'mcp' | 'daemon' }>,
  overrides: RootOverrides,
  version: string,
  warn: (message: string) => void,
  read?: ReadBase,
): Promise<CommandResult> {
  const { engine, ms } = await loadRoot(cmd.root, overrides, warn);
  switch (cmd.kind) {
    case 'check': {
      const { result, empty } = checkAnswer(engine, cmd.files, read === undefined ? checkBase(cmd) : read.base);
      return checkOutput(cmd, result, ms, version, warn, { empty });
    }
    case 'explain': {
      const explanation = engine.explain({
        step: cmd.step,
        context: selectContext(engine, cmd.workspace),
        mode: engine.resolutionMode,
        framework: cmd.framework,
        environmentTags: cmd.env,
      });
      // A step unknown because cursus is found nowhere: said so, not "not found".
      const absent = explanation.found ? null : cursusAbsent(engine);
      const said =
        absent === null ? explanation : { ...explanation, summary: `Step '${cmd.step}' is unknown: ${absent}` };
      const output = cmd.format === 'json' ? formatExplainJson(said) : renderExplanation(said);
      return { output, exitCode: explanation.found ? 0 : 1 };
    }
    case 'graph': {
      const graph = engine.graph({ context: selectContext(engine, cmd.workspace), mode: engine.resolutionMode });
      const note = emptyGraphNote(graph);
      if (note !== null && cmd.format !== 'json') warn(note);
      return { output: formatGraph(graph, cmd.format), exitCode: 0 };
    }
    case 'init-workspace':
      return initWorkspace(engine, resolve(cmd.root), cmd);
    case 'list': {
      const context = selectContext(engine, cmd.workspace);
      const mode = engine.resolutionMode;
      const rows = engine.list({ context, mode, conflictsOnly: cmd.conflictsOnly });
      const absent = rows.length === 0 ? cursusAbsent(engine) : null;
      if (absent !== null && cmd.format === 'json') warn(`no steps: ${absent}`);
      return {
        output:
          cmd.format === 'json'
            ? formatListJson(rows, context, mode)
            : formatListTable(rows, absent === null ? undefined : `No steps: ${absent}`),
        exitCode: 0,
      };
    }
  }
}

type CheckCommand = Extract<Command, { kind: 'check' }>;

/** A whole-root `check --cache` (host/checkCache.ts): the same document and exit code as without. */
async function cachedWholeCheck(
  cmd: CheckCommand,
  overrides: RootOverrides,
  version: string,
  warn: (message: string) => void,
): Promise<CommandResult> {
  const start = performance.now();
  const dir = resolve(cmd.root);
  if (!isDirectory(dir)) throw new UsageError(`${cmd.root}: not a directory`);
  const spec = cacheSpec(dir, cmd.cache ?? null, version, warn);
  const result =
    spec === null
      ? wholeResult((await loadRoot(dir, overrides, warn)).engine)
      : await cachedCheck(dir, overrides, warn, spec);
  const empty = result.summary.sources === 0 && result.diagnostics.length === 0;
  return checkOutput(cmd, result, Math.round(performance.now() - start), version, warn, { empty });
}

/**
 * `check --daemon`: the root's daemon's answer; when none listened, what to start once this check is answered here
 * (with the `--base` texts read for the request); null when it gave none, said on `warn` (check here).
 */
async function daemonCheck(
  cmd: CheckCommand,
  version: string,
  warn: (message: string) => void,
): Promise<CommandResult | NoDaemon | null> {
  const start = performance.now();
  const dir = resolve(cmd.root);
  if (!isDirectory(dir)) throw new UsageError(`${cmd.root}: not a directory`);
  const base = checkBase(cmd);
  const environment = pythonEnvironment(dir, cmd.pythonEnv)?.dir ?? null;
  const answer = await checkByDaemon(
    dir,
    version,
    {
      kind: 'check',
      ...(cmd.mode !== undefined ? { mode: cmd.mode } : {}),
      reportUnusedSuppressions: cmd.reportUnusedSuppressions,
      ...(cmd.files !== undefined ? { files: cmd.files } : {}),
      ...(base !== undefined ? { base: base && [...base] } : {}),
    },
    warn,
    environment,
  );
  if (answer === null) return null;
  if (answer === 'none') return { dir, environment, base };
  return checkOutput(cmd, answer.answer.result, Math.round(performance.now() - start), version, warn, {
    empty: answer.answer.empty,
  });
}

/**
 * `daemon ROOT`: serves it until idle; `--stop` stops its daemon, `--status` says whether one runs (exit 1: none) and
 * how it does.
 */
async function daemonCommand(cmd: Extract<Command, { kind: 'daemon' }>, version: string): Promise<CommandResult> {
  const dir = resolve(cmd.root);
  if (!isDirectory(dir)) throw new UsageError(`${cmd.root}: not a directory`);
  const environment = pythonEnvironment(dir, cmd.pythonEnv)?.dir ?? null;
  if (cmd.action === 'serve') {
    const code = await serveDaemon(
      dir,
      version,
      cmd.idle ?? DEFAULT_IDLE_MINUTES,
      (message) => {
        // The one line `check --daemon` waits for before it asks; the daemon writes nothing after it.
        process.stdout.write(`${message}\n`);
      },
      cmd.loadAfterStdin ? stdinClosed() : undefined,
      environment,
    );
    // An input that never ended would keep this process alive once it stopped serving.
    if (cmd.loadAfterStdin) process.stdin.destroy();
    return { output: '', exitCode: code };
  }
  const socket = daemonSocket(dir, version, environment);
  if ('error' in socket) throw new UsageError(`no daemon: ${socket.error}`);
  const answer = await ask(socket.path, { kind: cmd.action });
  if (answer === null) return { output: `no daemon serves ${dir}\n`, exitCode: cmd.action === 'stop' ? 0 : 1 };
  if (cmd.action === 'status' && answer.ok && answer.status !== undefined)
    return { output: formatDaemonStatus(answer.pid, answer.status), exitCode: 0 };
  return {
    output: `${cmd.action === 'stop' ? 'stopped the daemon' : 'a daemon serves'} ${dir} (pid ${answer.pid})\n`,
    exitCode: 0,
  };
}

/** Settles once standard input ends or fails (whatever it sends is dropped). */
function stdinClosed(): Promise<void> {
  return new Promise((done) => {
    process.stdin.once('end', () => done());
    process.stdin.once('error', () => done());
    process.stdin.resume();
  });
}

/** The files' texts at `check --base REV` (null before the first commit; undefined without `--base`). */
type Base = Map<string, string | null> | null | undefined;

function checkBase(cmd: CheckCommand): Base {
  return cmd.files && cmd.base !== undefined ? baseTexts(cmd.root, cmd.base, cmd.files) : undefined;
}

/** `check`'s document and exit code; nothing to check (`empty`) is said on stderr. */
function checkOutput(
  cmd: CheckCommand,
  { diagnostics, summary, registryGlobs, registryFilesRead, frameworkPins, frameworksInUse }: CheckResult,
  ms: number,
  version: string,
  warn: (message: string) => void,
  { empty }: { empty: boolean },
): CommandResult {
  const env = pythonEnvironment(cmd.root, cmd.pythonEnv);
  const frameworks = frameworkFacts(cmd.root, env, { pins: frameworkPins, inUse: frameworksInUse });
  const output =
    cmd.format === 'json'
      ? formatJson(diagnostics, summary, ms, frameworks)
      : cmd.format === 'sarif'
        ? formatSarif(diagnostics, resolve(cmd.root), version)
        : formatText(diagnostics, summary, frameworkLines(cmd.root, env, frameworks));
  // Nothing to check is a wrong root or wrong settings, not a clean tree: said on stderr (stdout stays the
  // document) with its own code.
  // Findings without a registry (a builder's metadata alone) are findings: their exit code stands,
  // and nothing is said to be missing.
  // Files the globs match that were read and checked but hold no registry (an apcore binding file, a
  // pyproject.toml without ONEX entry points) are named: the root was not found empty.
  if (empty)
    warn(
      `no registry found under ${resolve(cmd.root)}${readAndChecked(registryFilesRead)}; looked for ` +
        `${registryGlobs.join(', ')} (the registryLens.* settings of ROOT/.vscode/settings.json move them)`,
    );
  const exitCode = fails(diagnostics, cmd.failOn) ? 1 : empty ? NO_REGISTRY : 0;
  // One run serves both a code-scanning upload and the CI log that a person reads (the Action's sarif-file).
  if (cmd.output !== undefined && cmd.format !== 'text')
    return { output, exitCode, report: formatText(diagnostics, summary, frameworkLines(cmd.root, env, frameworks)) };
  return { output, exitCode };
}

/**
 * The files' texts at git revision `rev` (`check --base`); null before the first commit, where the whole
 * root is new (so everything the files may cause is the change's); a revision git cannot read is a usage error.
 */
function baseTexts(root: string, rev: string, files: readonly string[]): Map<string, string | null> | null {
  const r = textsAtRevision(resolve(root), rev, files);
  if ('error' in r) throw new UsageError(r.error);
  return 'unborn' in r ? null : r.texts;
}

/**
 * The project's Python environment (host/pythonEnv.ts): `--python-env DIR`, else the activated one, else one in the
 * root; a DIR that is not an environment is a usage error.
 */
function pythonEnvironment(root: string, given: string | undefined): PythonEnvironment | null {
  const env = findEnvironment(root, given, process.env);
  if (env !== null && 'error' in env) throw new UsageError(`--python-env: ${env.error}`);
  return env;
}

/** The files shown of those read: a root of many shows their count beyond these. */
const SHOWN_READ = 5;

/** ", though it read and checked a, b (nothing to report)", or nothing when it read none. */
function readAndChecked(files: readonly string[]): string {
  if (files.length === 0) return '';
  const more = files.length > SHOWN_READ ? ` and ${files.length - SHOWN_READ} more` : '';
  return `, though it read and checked ${files.slice(0, SHOWN_READ).join(', ')}${more} (nothing to report)`;
}

/** `check`'s exit code when the root holds no registry at all (and nothing failed). */
const NO_REGISTRY = 3;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function fails(diagnostics: Diagnostic[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return diagnostics.some((d) => RANK[d.severity] <= RANK[failOn]);
}
