// Turns argv into a typed command (node:util parseArgs), validating every option value, so the
// command runners receive only well-formed requests.
import { parseArgs } from 'node:util';
import type { ResolutionMode } from '../engine/types';
import { WORKSPACE_TEMPLATES, type WorkspaceLayout, type WorkspaceTemplateName } from '../engine/engine';
import { UsageError } from './usage';

export type FailOn = 'error' | 'warning' | 'never';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; root: string; format: 'text' | 'json' | 'sarif'; mode?: ResolutionMode; failOn: FailOn }
  | {
    kind: 'explain'; step: string; root: string; workspace?: string; mode?: ResolutionMode;
    framework?: string; env?: string[]; format: 'text' | 'json';
  }
  | { kind: 'list'; root: string; workspace?: string; mode?: ResolutionMode; conflictsOnly: boolean; format: 'table' | 'json' }
  | { kind: 'graph'; root: string; workspace?: string; mode?: ResolutionMode; format: 'dot' | 'mermaid' | 'json' }
  | { kind: 'init-workspace'; id: string; root: string; template: WorkspaceTemplateName; layout?: WorkspaceLayout; copyFrom?: string };

const MODES = ['isolated', 'hybrid'] as const;

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('missing command');
  if (name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  if (name === '--version' || name === '-v') return { kind: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help' };
  switch (name) {
    case 'check': {
      const { values: v, positionals } = parse(rest, { format: 'string', mode: 'string', 'fail-on': 'string' });
      if (positionals.length > 1) throw new UsageError(`check takes one ROOT, got: ${positionals.join(' ')}`);
      return {
        kind: 'check',
        root: positionals[0] ?? '.',
        format: oneOf('--format', v.format, ['text', 'json', 'sarif'] as const) ?? 'text',
        mode: oneOf('--mode', v.mode, MODES),
        failOn: oneOf('--fail-on', v['fail-on'], ['error', 'warning', 'never'] as const) ?? 'error',
      };
    }
    case 'explain': {
      const { values: v, positionals } = parse(rest, {
        root: 'string', workspace: 'string', mode: 'string', framework: 'string', env: 'string', format: 'string',
      });
      const [step, ...extra] = positionals;
      if (step === undefined || extra.length > 0) throw new UsageError('explain takes exactly one STEP');
      return {
        kind: 'explain',
        step,
        root: str(v.root) ?? '.',
        workspace: str(v.workspace),
        mode: oneOf('--mode', v.mode, MODES),
        framework: str(v.framework),
        env: str(v.env)?.split(',').map((t) => t.trim()).filter((t) => t !== ''),
        format: oneOf('--format', v.format, ['text', 'json'] as const) ?? 'text',
      };
    }
    case 'list': {
      const { values: v, positionals } = parse(rest, {
        root: 'string', workspace: 'string', mode: 'string', 'conflicts-only': 'boolean', format: 'string',
      });
      if (positionals.length > 0) throw new UsageError(`list takes no arguments, got: ${positionals.join(' ')}`);
      return {
        kind: 'list',
        root: str(v.root) ?? '.',
        workspace: str(v.workspace),
        mode: oneOf('--mode', v.mode, MODES),
        conflictsOnly: v['conflicts-only'] === true,
        format: oneOf('--format', v.format, ['table', 'json'] as const) ?? 'table',
      };
    }
    case 'graph': {
      const { values: v, positionals } = parse(rest, { root: 'string', workspace: 'string', mode: 'string', format: 'string' });
      if (positionals.length > 0) throw new UsageError(`graph takes no arguments, got: ${positionals.join(' ')}`);
      return {
        kind: 'graph',
        root: str(v.root) ?? '.',
        workspace: str(v.workspace),
        mode: oneOf('--mode', v.mode, MODES),
        format: oneOf('--format', v.format, ['dot', 'mermaid', 'json'] as const) ?? 'dot',
      };
    }
    case 'init-workspace': {
      const { values: v, positionals } = parse(rest, { root: 'string', template: 'string', layout: 'string', 'copy-from': 'string' });
      const [id, ...extra] = positionals;
      if (id === undefined || extra.length > 0) throw new UsageError('init-workspace takes exactly one workspace ID');
      return {
        kind: 'init-workspace',
        id,
        root: str(v.root) ?? '.',
        template: oneOf('--template', v.template, WORKSPACE_TEMPLATES) ?? 'standard',
        layout: oneOf('--layout', v.layout, ['builders', 'interfaces'] as const),
        copyFrom: str(v['copy-from']),
      };
    }
    default:
      throw new UsageError(`unknown command '${name}'`);
  }
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(args: string[], options: Record<string, 'string' | 'boolean'>): { values: Values; positionals: string[] } {
  const config = Object.fromEntries(Object.entries(options).map(([k, type]) => [k, { type }]));
  try {
    return parseArgs({ args, options: config, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
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
