// Settings as families declare them: each family names its settings (the user's key under
// `registryLens.`, the default package.json contributes, and how an untrusted value resolves), and the
// core composes the declarations of the families it is assembled with, so that front ends only pass
// what the user changed. Also the lexical half of the containment rule for settings that name paths:
// one that leaves the folder is ignored by its resolver, and the front ends warn (pathsLeavingRoot),
// so a cloned repository's settings can never point the analysis or a new workspace outside it.
import type { Settings, SettingsInput } from './types';
import { joinRel } from './util/paths';
import { compileGlobs, type GlobList } from './util/globs';

/** One setting: where the user sets it, its contributed default, and its resolution. */
export interface SettingDecl<T> {
  /** The key under `registryLens.` in the editor's configuration (e.g. `workspaces.roots`). */
  readonly key: string;
  /** The default package.json contributes (a test compares them). */
  readonly default: unknown;
  /** The value the analysis reads, from the user's (untrusted; undefined when unset): never a path leaving the root. */
  resolve(raw: unknown): T;
  /** For settings naming paths: those of the user's value that leave the root (ignored by `resolve`). */
  leaving?(raw: unknown): string[];
  /** For settings naming globs: the user's (util/globs.ts may refuse some: the front ends warn). */
  globs?(raw: unknown): string[];
}

/** A family's settings: one declaration per name (the name the engine's input uses, e.g. `workspacesRoots`). */
export type SettingDecls<S> = { readonly [K in keyof S]: SettingDecl<S[K]> };

/** What the core composes: declarations whatever their values' types (see `declarations`). */
export interface DeclaredSettings {
  readonly decls: object;
}

/** A family's settings, read back typed from the resolved settings with `of`. */
export interface SettingsGroup<S> extends DeclaredSettings {
  readonly decls: SettingDecls<S>;
  of(settings: Settings): S;
}

/** A group's declarations by name. */
export function declarations(group: DeclaredSettings): [string, SettingDecl<unknown>][] {
  return Object.entries(group.decls) as [string, SettingDecl<unknown>][];
}

/** Declares a family's settings (each family's `settings.ts`). */
export function settingsGroup<S extends object>(decls: SettingDecls<S>): SettingsGroup<S> {
  let defaults: S | undefined;
  const group: SettingsGroup<S> = {
    decls,
    // Resolved by `resolveSettings` when the family is assembled; its defaults otherwise.
    of: (settings) => (settings.groups.get(group) ?? (defaults ??= resolveGroup(group, {}) as S)) as S,
  };
  return group;
}

/**
 * Settings the core itself owns: the per-code severities (read by the engine), and those of the host
 * (`exclude`, `maxFileSizeMB`, `cache.*`, host/folderSettings.ts; `python.environment`, lsp/settings.ts) and of
 * the client (`diagnostics.debounceMs`, `trace.server`).
 */
export const CORE_SETTINGS: readonly { key: string; default: unknown }[] = [
  { key: 'diagnostics.severity', default: {} },
  { key: 'diagnostics.debounceMs', default: 150 },
  { key: 'maxFileSizeMB', default: 2 },
  { key: 'exclude', default: [] },
  { key: 'cache.enabled', default: false },
  { key: 'cache.location', default: '' },
  { key: 'python.environment', default: '' },
  { key: 'trace.server', default: 'off' },
  { key: 'mcp.allowWrites', default: false },
];

/** The groups of these families, each once, in order. */
export function settingsGroups(families: readonly { readonly settings?: DeclaredSettings }[]): DeclaredSettings[] {
  return [...new Set(families.flatMap((f) => (f.settings ? [f.settings] : [])))];
}

/** Every group's settings resolved from the engine's input (missing ones take their defaults). */
export function resolveSettings(groups: readonly DeclaredSettings[], input: SettingsInput): Settings {
  return { severity: { ...(input.severity ?? {}) }, groups: new Map(groups.map((g) => [g, resolveGroup(g, input)])) };
}

function resolveGroup(group: DeclaredSettings, input: SettingsInput): unknown {
  return Object.fromEntries(declarations(group).map(([name, d]) => [name, d.resolve(input[name])]));
}

/** A setting's value that leaves the root: ignored by its resolver; each front end warns with these. */
export interface PathOutsideRoot {
  /** The user's key under `registryLens.`. */ key: string;
  value: string;
}

/** Every path (or glob) the input names that the settings ignore because it leaves the root, setting by setting. */
export function pathsLeavingRoot(groups: readonly DeclaredSettings[], input: SettingsInput): PathOutsideRoot[] {
  return groups.flatMap((g) =>
    declarations(g).flatMap(([name, d]) => (d.leaving?.(input[name]) ?? []).map((value) => ({ key: d.key, value }))),
  );
}

/** The globs of the input's glob settings that util/globs.ts refuses (and so ignores), setting by setting. */
export function globsRefused(
  groups: readonly DeclaredSettings[],
  input: SettingsInput,
): { key: string; refused: GlobList['refused'] }[] {
  return groups
    .flatMap((g) => declarations(g))
    .map(([name, d]) => ({ key: d.key, refused: compileGlobs(d.globs?.(input[name]) ?? []).refused }))
    .filter((r) => r.refused.length > 0);
}

/**
 * A path or glob of a setting that leaves the root: absolute (the engine knows no disk), or climbing above it with
 * '..'.
 */
export function leavesRoot(p: string): boolean {
  return /^(?:[\\/]|[A-Z]:)/i.test(p) || joinRel('', p) === null;
}

/** The paths of a list that stay inside the root. */
export function insideRoot(paths: readonly string[]): string[] {
  return paths.filter((p) => !leavesRoot(p));
}

/** The strings of a list of the user's that leave the root. */
export function listLeavingRoot(v: unknown): string[] {
  return (stringList(v) ?? []).filter(leavesRoot);
}

/** A root-relative directory (or glob) inside the root with `.`, `..` and duplicate and trailing slashes resolved. */
export function normalDir(p: string): string {
  return joinRel('', p) ?? '';
}

/** The strings of a list of the user's; undefined when it is no list. */
export function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** An object of the user's (no list); empty otherwise. */
export function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
