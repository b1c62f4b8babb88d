// Which framework versions a check assumes, and where each came from, as `check` (text and JSON), the MCP server's
// `check` and the language server's status say them: the version installed in the project's Python environment
// (host/pythonEnv.ts, host/installedFrameworks.ts), else the version the root's pin files pin (a lock,
// `requirements*.txt`, `pyproject.toml`: read by the engine, `RegistryEngine.frameworkPins`), else the version whose
// rules are compiled into Registry Lens (`BUILT_IN_FRAMEWORKS`: omnibase_core's tables, apcore-python's behaviours).
import * as path from 'node:path';
import { BUILT_IN_FRAMEWORKS } from '../engine/engine';
import type { FrameworkPin, InstalledVersion } from '../engine/api';
import type { Diagnostic } from '../engine/types';
import { pinName } from '../engine/python/pinFiles';
import { FRAMEWORK_PACKAGES, installedFrameworks, type InstalledFramework } from './installedFrameworks';
import type { PythonEnvironment } from './pythonEnv';

export interface FrameworkFact {
  readonly name: string;
  readonly version: string;
  readonly source: 'environment' | 'lock' | 'built-in';
  /**
   * The installed package's folder (root-relative, POSIX, inside the root, else absolute), or the pin file
   * (root-relative).
   */
  readonly path?: string;
  /** Not installed, pinned, its built-in rules of another version than the pin: the version they assume. */
  readonly assumed?: string;
}

/** The frameworks `env` installs (none: null), import-style (`omnibase_core`), and versions: what the engine hears. */
export function installedVersions(
  env: PythonEnvironment | null,
  installed: readonly InstalledFramework[] = installedOf(env),
): InstalledVersion[] {
  return installed.map((f) => ({ name: pinName(f.name), version: f.version }));
}

/** The known frameworks `env` installs (none: null). */
export function installedOf(env: PythonEnvironment | null): InstalledFramework[] {
  return env === null ? [] : installedFrameworks(env);
}

/** What the engine says of a root's frameworks: the pins of its pin files, the built-in ones it has files for. */
export interface FrameworkUse {
  /** `RegistryEngine.frameworkPins`. */
  readonly pins: readonly FrameworkPin[];
  /** `RegistryEngine.frameworksInUse`: the built-in frameworks named (the others are no business of the root's). */
  readonly inUse: readonly string[];
}

/** What an engine says of its root's frameworks. */
export function frameworkUse(engine: { frameworkPins(): FrameworkPin[]; frameworksInUse(): string[] }): FrameworkUse {
  return { pins: engine.frameworkPins(), inUse: engine.frameworksInUse() };
}

/**
 * The frameworks of `env` (none: null; `installed`, what it installs when already read), named import-style (PEP
 * 503 normalised: `omnibase-core` and `omnibase_core` are one); then of those it does not hold, each pinned by
 * `used.pins`, else built in when the root uses it.
 */
export function frameworkFacts(
  root: string,
  env: PythonEnvironment | null,
  { pins, inUse }: FrameworkUse,
  installed: readonly InstalledFramework[] = installedOf(env),
): FrameworkFact[] {
  const facts: FrameworkFact[] = installed.map((f) => ({
    name: pinName(f.name),
    version: f.version,
    source: 'environment',
    ...(f.path !== null ? { path: shown(root, f.path) } : {}),
  }));
  const have = new Set(facts.map((f) => pinName(f.name)));
  for (const name of FRAMEWORK_PACKAGES) {
    if (have.has(name)) continue;
    const pin = pins.find((p) => p.name === name);
    const builtIn = BUILT_IN_FRAMEWORKS.find((b) => b.name === name);
    if (pin !== undefined) {
      const assumed = builtIn !== undefined && builtIn.version !== pin.version ? { assumed: builtIn.version } : {};
      facts.push({ name, version: pin.version, source: 'lock', path: pin.file, ...assumed });
    } else if (builtIn !== undefined && inUse.includes(name)) facts.push({ ...builtIn, source: 'built-in' });
  }
  return facts;
}

/**
 * `check`'s text lines for the frameworks not built in: `cursus 2.9.32 from .venv (…/site-packages/cursus)`,
 * `omnibase_core 0.46.8 pinned in uv.lock`.
 */
export function frameworkLines(root: string, env: PythonEnvironment | null, facts: readonly FrameworkFact[]): string[] {
  return facts.filter((f) => f.source !== 'built-in').map((f) => frameworkLine(root, env, f));
}

/** One fact in words; a built-in one: `apcore 0.19.0 (built-in rules)`. */
export function frameworkLine(root: string, env: PythonEnvironment | null, f: FrameworkFact): string {
  if (f.source === 'environment') {
    const folder = f.path !== undefined ? ` (${abbreviated(f.path)})` : '';
    return `${f.name} ${f.version} from ${env === null ? '' : shown(root, env.dir)}${folder}`;
  }
  if (f.source === 'built-in') return `${f.name} ${f.version} (built-in rules)`;
  const assumed = f.assumed === undefined ? '' : ` (not installed: the checks assume ${f.assumed})`;
  return `${f.name} ${f.version} pinned in ${f.path ?? ''}${assumed}`;
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

/**
 * Why the project's steps are unknown when its cursus is found neither in the root nor in the environment searched,
 * for `explain` and `list` to say: RL079's message and its related line at its own place, the environment searched;
 * null otherwise.
 */
export function cursusAbsent(engine: { allDiagnostics(): readonly Diagnostic[] }): string | null {
  const d = engine.allDiagnostics().find((x) => x.code === 'RL079');
  if (d === undefined) return null;
  const here = (d.related ?? []).filter(
    (r) =>
      r.file === d.file &&
      r.range.start.line === d.range.start.line &&
      r.range.start.character === d.range.start.character,
  );
  return [d.message, ...here.map((r) => `${r.message}.`)].join(' ');
}

/** A check document (engine/documents/jsonDocuments.ts) whose summary names the frameworks: `summary.frameworks`. */
export function withFrameworks(
  doc: Record<string, unknown>,
  frameworks: readonly FrameworkFact[],
): Record<string, unknown> {
  return { ...doc, summary: { ...(doc['summary'] as object), frameworks } };
}
