// Which framework versions a check assumes, and where each came from, as `check` (text and JSON) and the MCP server's
// `check` say them: the version installed in the project's Python environment (host/pythonEnv.ts,
// host/installedFrameworks.ts), else the version whose rules are compiled into Registry Lens.
import * as path from 'node:path';
import { installedFrameworks } from './installedFrameworks';
import type { PythonEnvironment } from './pythonEnv';

export interface FrameworkFact {
  readonly name: string;
  readonly version: string;
  readonly source: 'environment' | 'built-in';
  /** The installed package's folder: root-relative (POSIX) inside the root, else absolute. */
  readonly path?: string;
}

/**
 * The frameworks whose rules are compiled in, by import package: omnibase_core's tables the ONEX validators import
 * (docs/onex-contracts.md), apcore-python's behaviours (docs/apcore.md). cursus has none: its facts are its files.
 */
const BUILT_IN: readonly { readonly name: string; readonly version: string }[] = [
  { name: 'omnibase_core', version: '0.46.8' },
  { name: 'apcore', version: '0.19.0' },
];

/** The frameworks of `env` (none: null), then the built-in versions of those it does not hold. */
export function frameworkFacts(root: string, env: PythonEnvironment | null): FrameworkFact[] {
  const installed = env === null ? [] : installedFrameworks(env);
  const facts: FrameworkFact[] = installed.map((f) => ({
    name: f.name,
    version: f.version,
    source: 'environment',
    ...(f.path !== null ? { path: shown(root, f.path) } : {}),
  }));
  const key = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '_');
  const have = new Set(facts.map((f) => key(f.name)));
  for (const b of BUILT_IN) if (!have.has(key(b.name))) facts.push({ ...b, source: 'built-in' });
  return facts;
}

/** `check`'s text lines for the environment's frameworks: `cursus 2.9.32 from .venv (…/site-packages/cursus)`. */
export function frameworkLines(root: string, env: PythonEnvironment | null, facts: readonly FrameworkFact[]): string[] {
  if (env === null) return [];
  const from = shown(root, env.dir);
  return facts
    .filter((f) => f.source === 'environment')
    .map((f) => `${f.name} ${f.version} from ${from}${f.path !== undefined ? ` (${abbreviated(f.path)})` : ''}`);
}

/** `abs` relative to the root when inside it (POSIX), else as it is. */
function shown(root: string, abs: string): string {
  const rel = path.relative(path.resolve(root), abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** A package folder's last two components, after an ellipsis when there are more. */
function abbreviated(p: string): string {
  const parts = p.split(/[\\/]/).filter((s) => s !== '');
  return parts.length <= 2 ? p : `…/${parts.slice(-2).join('/')}`;
}

/** A check document (engine/documents/jsonDocuments.ts) whose summary names the frameworks: `summary.frameworks`. */
export function withFrameworks(
  doc: Record<string, unknown>,
  frameworks: readonly FrameworkFact[],
): Record<string, unknown> {
  return { ...doc, summary: { ...(doc['summary'] as object), frameworks } };
}
