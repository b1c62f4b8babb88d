// Turns argv into a typed command, validating every option value, so the command runners receive only
// well-formed requests. Every command takes its root the same way: a last positional ROOT or
// `--root ROOT` (not both unless they agree; `check --files` takes files as positionals, so ROOT only as
// --root); unknown or repeated options are usage errors that name the command's options. `--` ends the
// options everywhere: what follows is positional, even `--help` or `-x.py` (a root or a staged file).
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { ResolutionMode } from '../engine/types';
import { WORKSPACE_TEMPLATES, type WorkspaceLayout, type WorkspaceTemplateName } from '../engine/engine';
import { UsageError } from './usage';

export type FailOn = 'error' | 'warning' | 'never';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'check';
      root: string;
      format: 'text' | 'json' | 'sarif';
      mode?: ResolutionMode;
      failOn: FailOn;
      /**
       * `--files F…` (pre-commit): report only what concerns these root-relative files; the whole root is still
       * analysed.
       */
      files?: string[];
      /**
       * `--base REV` (with `--files`): of those, only what the files' change since git revision REV brings elsewhere.
       */
      base?: string;
      /** `--report-unused-suppressions`: report suppression comments that suppress nothing (RL033), off otherwise. */
      reportUnusedSuppressions: boolean;
      /** `--output FILE`: the document goes to FILE (its folder created), whole once the check ran; stdout: text. */
      output?: string;
      /**
       * `--cache`: reuse the last whole-root result when nothing it read changed (host/checkCache.ts); the folder of
       * `--cache-location DIR` (resolved), or null for the default folder.
       */
      cache?: string | null;
      /** `--daemon`: ask the root's daemon, started when none listens (cli/daemonClient.ts). */
      daemon: boolean;
      /** `--python-env DIR`: the project's Python environment (host/pythonEnv.ts), resolved. */
      pythonEnv?: string;
    }
  | {
      kind: 'daemon';
      root: string;
      /** What to do: serve the root (in the foreground), or tell its daemon to stop, or say whether one runs. */
      action: 'serve' | 'stop' | 'status';
      /** `--idle MINUTES`: exit after this long without a request. */
      idle?: number;
      /** `--python-env DIR`: as check's (part of the daemon's identity). */
      pythonEnv?: string;
      /**
       * `--load-after-stdin`: load the root once standard input closes (or at the first request), not at once: how
       * `check --daemon` starts it, checking in its own process meanwhile, so the two loads never share the CPU.
       */
      loadAfterStdin?: boolean;
    }
  | {
      kind: 'explain';
      step: string;
      root: string;
      workspace?: string;
      mode?: ResolutionMode;
      framework?: string;
      env?: string[];
      format: 'text' | 'json';
      /** `--python-env DIR`: as check's. */
      pythonEnv?: string;
    }
  | {
      kind: 'list';
      root: string;
      workspace?: string;
      mode?: ResolutionMode;
      conflictsOnly: boolean;
      format: 'table' | 'json';
      /** `--python-env DIR`: as check's. */
      pythonEnv?: string;
    }
  | {
      kind: 'graph';
      root: string;
      workspace?: string;
      mode?: ResolutionMode;
      format: 'dot' | 'mermaid' | 'json';
      /** `--python-env DIR`: as check's. */
      pythonEnv?: string;
    }
  | {
      kind: 'init-workspace';
      id: string;
      root: string;
      template: WorkspaceTemplateName;
      layout?: WorkspaceLayout;
      copyFrom?: string;
      /** `--python-env DIR`: as check's. */
      pythonEnv?: string;
    }
  | {
      kind: 'mcp';
      root: string;
      /** `--allow-writes`: the tools that write are listed (by default none is; `--read-only` says so explicitly). */
      allowWrites: boolean;
      /**
       * `--allow-unproposed-fixes`: apply_fix also takes a fix the caller wrote (by default only one 'fixes' proposed).
       */
      allowUnproposedFixes: boolean;
      /** `--cache` (`--cache-location DIR`): as check's, for the whole-root `check` calls made before a load. */
      cache?: string | null;
      /** `--python-env DIR`: as check's. */
      pythonEnv?: string;
    };

type Kind = Exclude<Command['kind'], 'help' | 'version'>;

/** `--python-env DIR`: taken by every command that analyses the root, parsed alike (`pythonEnvOption`). */
const PYTHON_ENV = { 'python-env': 'string' } as const;

/** Per command: its required positionals (before the optional ROOT) and its options besides `--root`. */
const SPECS: Record<Kind, { args: string[]; options: Record<string, 'string' | 'boolean'> }> = {
  check: {
    args: [],
    options: {
      format: 'string',
      mode: 'string',
      'fail-on': 'string',
      files: 'boolean',
      'report-unused-suppressions': 'boolean',
      output: 'string',
      base: 'string',
      cache: 'boolean',
      'cache-location': 'string',
      daemon: 'boolean',
      ...PYTHON_ENV,
    },
  },
  daemon: {
    args: [],
    options: {
      idle: 'string',
      stop: 'boolean',
      status: 'boolean',
      'load-after-stdin': 'boolean',
      ...PYTHON_ENV,
    },
  },
  explain: {
    args: ['STEP'],
    options: {
      workspace: 'string',
      mode: 'string',
      framework: 'string',
      env: 'string',
      format: 'string',
      ...PYTHON_ENV,
    },
  },
  list: {
    args: [],
    options: { workspace: 'string', mode: 'string', 'conflicts-only': 'boolean', format: 'string', ...PYTHON_ENV },
  },
  graph: { args: [], options: { workspace: 'string', mode: 'string', format: 'string', ...PYTHON_ENV } },
  'init-workspace': {
    args: ['ID'],
    options: { template: 'string', layout: 'string', 'copy-from': 'string', ...PYTHON_ENV },
  },
  mcp: {
    args: [],
    options: {
      'allow-writes': 'boolean',
      'read-only': 'boolean',
      'allow-unproposed-fixes': 'boolean',
      cache: 'boolean',
      'cache-location': 'string',
      ...PYTHON_ENV,
    },
  },
};

const MODES = ['isolated', 'hybrid'] as const;

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('missing command', { showUsage: true });
  if (name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  if (name === '--version' || name === '-v') return { kind: 'version' };
  if (!Object.hasOwn(SPECS, name))
    throw new UsageError(
      name.startsWith('-') ? `unknown option '${name}' before the command` : `unknown command '${name}'`,
      { showUsage: true },
    );
  const kind = name as Kind;
  const parsed = parse(kind, rest);
  if (parsed === 'help') return { kind: 'help' };
  const {
    args: [first],
    root,
    v,
    files,
  } = parsed;
  const mode = oneOf('--mode', v['mode'], MODES);
  switch (kind) {
    case 'check':
      if (str(v['base']) !== undefined && !files)
        throw new UsageError('--base REV compares what --files F… change: give --files');
      return {
        kind,
        root,
        mode,
        format: oneOf('--format', v['format'], ['text', 'json', 'sarif'] as const) ?? 'text',
        failOn: oneOf('--fail-on', v['fail-on'], ['error', 'warning', 'never'] as const) ?? 'error',
        reportUnusedSuppressions: v['report-unused-suppressions'] === true,
        ...(str(v['output']) !== undefined ? { output: str(v['output']) } : {}),
        ...(files ? { files: files.map((f) => relative(resolve(root), resolve(f)).split(sep).join('/')) } : {}),
        ...(str(v['base']) !== undefined ? { base: str(v['base']) } : {}),
        ...cacheOption(v),
        daemon: daemonOption(v),
        ...pythonEnvOption(v),
      };
    case 'daemon':
      if (v['stop'] === true && v['status'] === true) throw new UsageError('daemon: --stop or --status, not both');
      for (const serving of ['idle', 'load-after-stdin'])
        if (v[serving] !== undefined && (v['stop'] === true || v['status'] === true))
          throw new UsageError(`daemon: --${serving} is for serving, not with --stop or --status`);
      return {
        kind,
        root,
        action: v['stop'] === true ? 'stop' : v['status'] === true ? 'status' : 'serve',
        ...(v['idle'] !== undefined ? { idle: minutes(str(v['idle'])) } : {}),
        ...pythonEnvOption(v),
        ...(v['load-after-stdin'] === true ? { loadAfterStdin: true } : {}),
      };
    case 'explain':
      return {
        kind,
        step: first as string,
        root,
        mode,
        workspace: str(v['workspace']),
        framework: str(v['framework']),
        env: str(v['env'])
          ?.split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
        format: oneOf('--format', v['format'], ['text', 'json'] as const) ?? 'text',
        ...pythonEnvOption(v),
      };
    case 'list':
      return {
        kind,
        root,
        mode,
        workspace: str(v['workspace']),
        conflictsOnly: v['conflicts-only'] === true,
        format: oneOf('--format', v['format'], ['table', 'json'] as const) ?? 'table',
        ...pythonEnvOption(v),
      };
    case 'graph':
      return {
        kind,
        root,
        mode,
        workspace: str(v['workspace']),
        format: oneOf('--format', v['format'], ['dot', 'mermaid', 'json'] as const) ?? 'dot',
        ...pythonEnvOption(v),
      };
    case 'init-workspace':
      return {
        kind,
        id: first as string,
        root,
        template: oneOf('--template', v['template'], WORKSPACE_TEMPLATES) ?? 'standard',
        layout: oneOf('--layout', v['layout'], ['builders', 'interfaces'] as const),
        copyFrom: str(v['copy-from']),
        ...pythonEnvOption(v),
      };
    case 'mcp':
      if (v['allow-writes'] === true && v['read-only'] === true)
        throw new UsageError('--allow-writes and --read-only contradict each other: give one');
      if (v['allow-unproposed-fixes'] === true && v['allow-writes'] !== true)
        throw new UsageError('--allow-unproposed-fixes needs --allow-writes (without it no tool writes)');
      return {
        kind,
        root,
        allowWrites: v['allow-writes'] === true,
        allowUnproposedFixes: v['allow-unproposed-fixes'] === true,
        ...cacheOption(v),
        ...pythonEnvOption(v),
      };
  }
}

type Values = Record<string, string | boolean | undefined>;

/**
 * The command's positionals (the required ones, then ROOT from the positional or `--root`, default
 * `.`) and options. Options are checked by hand on parseArgs' tokens, so each mistake gets a message
 * of ours: an unknown option lists the command's options; a repeated one and a missing value are named.
 */
function parse(kind: Kind, argv: string[]): { args: string[]; root: string; v: Values; files?: string[] } | 'help' {
  const spec = SPECS[kind];
  const options: Record<string, 'string' | 'boolean'> = { root: 'string', ...spec.options };
  const known = Object.keys(options)
    .map((o) => `--${o}`)
    .join(', ');
  const { tokens } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(options).map(([k, type]) => [k, { type }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  // --help is an option token: not an option's value (`--root --help`), nor anything after `--`.
  if (tokens.some((t) => t.kind === 'option' && (t.rawName === '--help' || t.rawName === '-h'))) return 'help';
  const v: Values = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    if (!Object.hasOwn(options, t.name))
      throw new UsageError(`${kind}: unknown option '${t.rawName}'; ${kind} takes ${known}`);
    const type = options[t.name];
    if (v[t.name] !== undefined) throw new UsageError(`${kind}: ${t.rawName} given twice`);
    if (type === 'string' && t.value === undefined) throw new UsageError(`${kind}: ${t.rawName} needs a value`);
    if (type === 'boolean' && t.value !== undefined) throw new UsageError(`${kind}: ${t.rawName} takes no value`);
    v[t.name] = type === 'string' ? t.value : true;
  }
  // `check --files`: every positional is a file (as pre-commit appends them); ROOT only through --root.
  if (v['files'] === true) return { args: [], root: str(v['root']) ?? '.', v, files: positionals };
  const need = spec.args;
  const synopsis = `${kind}${need.map((a) => ` ${a}`).join('')} [ROOT]`;
  if (positionals.length < need.length)
    throw new UsageError(`${kind}: missing ${need.slice(positionals.length).join(' ')} (${synopsis})`);
  if (positionals.length > need.length + 1)
    throw new UsageError(`${kind}: too many arguments: ${positionals.slice(need.length + 1).join(' ')} (${synopsis})`);
  const positionalRoot = positionals[need.length];
  const flagRoot = str(v['root']);
  if (positionalRoot !== undefined && flagRoot !== undefined && resolve(positionalRoot) !== resolve(flagRoot)) {
    throw new UsageError(`${kind}: two different roots: '${positionalRoot}' and --root '${flagRoot}'`);
  }
  return { args: positionals.slice(0, need.length), root: positionalRoot ?? flagRoot ?? '.', v };
}

function str(v: Values[string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function oneOf<T extends string>(flag: string, v: Values[string], allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${String(v)}')`);
  return found;
}

/** `--cache` and `--cache-location DIR` (check, mcp): the cache folder, resolved (null: the default one). */
function cacheOption(v: Values): { cache?: string | null } {
  if (str(v['cache-location']) !== undefined && v['cache'] !== true)
    throw new UsageError('--cache-location DIR moves the cache of --cache: give --cache');
  return v['cache'] === true ? { cache: cacheFolder(str(v['cache-location'])) } : {};
}

/** The resolved folder of `--cache-location DIR`, null without it; an empty DIR is a usage error. */
function cacheFolder(dir: string | undefined): string | null {
  if (dir === undefined) return null;
  if (dir === '') throw new UsageError('--cache-location needs a folder');
  return resolve(dir);
}

/** `check --daemon`: not with `--cache` (the daemon keeps the root analysed; the cache is for runs without one). */
function daemonOption(v: Values): boolean {
  if (v['daemon'] === true && v['cache'] === true)
    throw new UsageError('--daemon and --cache are two ways to keep work between runs: give one');
  return v['daemon'] === true;
}

/** The longest `--idle`: a week (a timer holds at most ~24 days). */
const MAX_IDLE_MINUTES = 7 * 24 * 60;

/** `--idle MINUTES`: a positive number, at most a week. */
function minutes(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !(n > 0 && n <= MAX_IDLE_MINUTES))
    throw new UsageError(
      `--idle must be a number of minutes above 0, at most ${MAX_IDLE_MINUTES} (got '${String(text)}')`,
    );
  return n;
}

/** `--python-env DIR` (every command that analyses the root): the folder, resolved; an empty DIR is a usage error. */
function pythonEnvOption(v: Values): { pythonEnv?: string } {
  const dir = str(v['python-env']);
  if (dir === undefined) return {};
  if (dir === '') throw new UsageError('--python-env needs a folder');
  return { pythonEnv: resolve(dir) };
}
