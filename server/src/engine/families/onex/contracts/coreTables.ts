// The runtime-profile tables ValidatorRuntimeProfiles judges with (profiles.ts), from the omnibase_core the project
// has: the host feeds an installed omnibase_core's modules that hold them and its distribution's METADATA (the
// family's `paths.installed`), and a checkout's own modules are read where they lie. Each table is read as a Python
// literal (python/moduleTables.ts); one that is absent or not a literal is the built-in one of omnibase_core 0.46.8
// (../framework.ts), and where each came from is said (Explain, hover).
import { moduleTables, type ModuleTable } from '../../../python/moduleTables';
import { dirOf } from '../../../util/paths';
import { escapeRegExp } from '../../../util/regexEscape';
import { CORE_BUILT_IN_VERSION, CORE_TABLES, type CoreTableId } from '../framework';

const PACKAGE = 'omnibase_core';
const IDS = Object.keys(CORE_TABLES) as CoreTableId[];
/** The modules read, below the package folder. */
export const CORE_MODULES: readonly string[] = [...new Set(IDS.map((id) => CORE_TABLES[id].module))];

/** A module holding a table, in an installed package or a checkout (`src/omnibase_core/…`). */
export const CORE_MODULE = new RegExp(`(^|/)${PACKAGE}/(${CORE_MODULES.map(escapeRegExp).join('|')})$`);
/** The installed distribution's METADATA (wheels name its folder `omnibase_core-<version>.dist-info`). */
export const CORE_METADATA = /(^|\/)omnibase[-_.]core-[^/]+\.dist-info\/METADATA$/;

export interface CoreModuleFacts {
  kind: 'core';
  /** The module's tables by name (absent: not assigned at its top level). */
  tables: Record<string, ModuleTable>;
  /** The module names the registry (in the validator's: it runs the two rules that judge with it). */
  namesRegistry: boolean;
}

/** The tables a fed module holds. */
export function readCoreModule(path: string, text: string): CoreModuleFacts {
  const module = path.slice(path.lastIndexOf(`${PACKAGE}/`) + PACKAGE.length + 1);
  const names = IDS.filter((id) => CORE_TABLES[id].module === module).map((id) => CORE_TABLES[id].name);
  const namesRegistry = text.includes(CORE_TABLES.registered.name);
  return { kind: 'core', tables: Object.fromEntries(moduleTables(text, names)), namesRegistry };
}

/** METADATA's `Version:` header (its headers end at the first blank line). */
export function readCoreVersion(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const m = /^Version:\s*(\S+)\s*$/i.exec(line);
    if (m) return m[1] ?? null;
  }
  return null;
}

/** Where a table came from: a module of the project's omnibase_core (its file and 0-based line), or built in. */
export type TableSource =
  | { readonly kind: 'package'; readonly file: string; readonly line: number; readonly version: string | null }
  | { readonly kind: 'built-in'; readonly why: string };

export interface CoreTables {
  readonly registered: readonly string[];
  readonly consumerAttached: readonly string[];
  readonly consumerRequiring: readonly string[];
  /** `f"{TOPIC_PREFIX}.cmd."` (validator_runtime_profiles.py:211). */
  readonly commandPrefix: string;
  /**
   * Why the two rules judging with the registry are not run: the project's ValidatorRuntimeProfiles predates them
   * (omnibase_core before the registry, OMN-12957, ran only `runtime_profiles_missing`); null when they run.
   */
  readonly noRegistry: string | null;
  readonly sources: Readonly<Record<CoreTableId, TableSource>>;
}

/** What the project's omnibase_core offers: its package folder's fed modules and the version beside them. */
export interface CorePackage {
  /** The package folder (`…/omnibase_core`) as fed; null when no module of it is. */
  readonly dir: string | null;
  readonly version: string | null;
  readonly module: (rel: string) => { file: string; facts: CoreModuleFacts } | null;
  /** With no package found, the version the root's pin files pin (analysis/frameworkPins.ts), null when none does. */
  readonly pinned?: { readonly version: string; readonly file: string } | null;
}

/**
 * The package folder whose modules are read: the first in path order of those fed (an installed package and a
 * checkout side by side is not a layout omnibase_core's own imports could tell apart either), else the one beside an
 * installed distribution's METADATA (its modules absent, or links out of it the host did not follow).
 */
export function corePackageDir(modules: readonly string[], metadata: readonly string[]): string | null {
  const first = [...modules].sort()[0];
  if (first !== undefined) return first.slice(0, first.lastIndexOf(`${PACKAGE}/`) + PACKAGE.length);
  const info = [...metadata].sort()[0];
  if (info === undefined) return null;
  const parent = dirOf(dirOf(info));
  return parent === '' ? PACKAGE : `${parent}/${PACKAGE}`;
}

/** The version of the distribution beside a package folder: its `omnibase_core-*.dist-info/METADATA`. */
export function besideVersion(
  dir: string,
  metadata: readonly string[],
  version: (f: string) => string | null,
): string | null {
  const parent = dirOf(dir);
  const file = metadata.find((m) => dirOf(dirOf(m)) === parent);
  return file === undefined ? null : version(file);
}

/** Each table from the package when it writes it as a literal, else the built-in one, with where it came from. */
export function coreTables(pkg: CorePackage): CoreTables {
  const sources = {} as Record<CoreTableId, TableSource>;
  const values = {} as Record<CoreTableId, readonly string[]>;
  for (const id of IDS) {
    const t = CORE_TABLES[id];
    const found = pkg.dir === null ? null : pkg.module(t.module);
    const table = found?.facts.tables[t.name];
    const usable = table?.values != null && (id !== 'topicPrefix' || table.values.length === 1);
    if (found && table && usable && table.values !== null) {
      values[id] = table.values;
      sources[id] = { kind: 'package', file: found.file, line: table.line, version: pkg.version };
    } else {
      values[id] = t.builtIn;
      sources[id] = { kind: 'built-in', why: builtInWhy(pkg, found?.file ?? null, table ?? null, t.name) };
    }
  }
  const validator = pkg.dir === null ? null : pkg.module(CORE_TABLES.consumerRequiring.module);
  const noRegistry =
    validator !== null && !validator.facts.namesRegistry
      ? `the ValidatorRuntimeProfiles of omnibase_core${pkg.version === null ? '' : ` ${pkg.version}`} ` +
        `(${validator.file}) has no runtime-profile registry: it runs only runtime_profiles_missing`
      : null;
  return {
    noRegistry,
    // Compared as written: the declared names are lower-cased (validator_runtime_profiles.py:186), the tables not.
    registered: values.registered,
    consumerAttached: values.consumerAttached,
    consumerRequiring: values.consumerRequiring,
    commandPrefix: `${values.topicPrefix[0] ?? ''}.cmd.`,
    sources,
  };
}

function builtInWhy(pkg: CorePackage, file: string | null, table: ModuleTable | null, name: string): string {
  if (pkg.dir === null)
    return pkg.pinned
      ? `omnibase_core ${pkg.pinned.version} pinned in ${pkg.pinned.file}; ` +
          `the checks assume ${CORE_BUILT_IN_VERSION}'s tables`
      : 'no omnibase_core found in the project or its Python environment';
  const of = `omnibase_core${pkg.version === null ? '' : ` ${pkg.version}`}`;
  if (file === null) return `${of} at ${pkg.dir} has no such module`;
  if (table === null) return `${file} assigns no ${name}`;
  return `${file}:${table.line + 1} does not write ${name} as a literal`;
}

/** A table's source in words: `omnibase_core 0.47.57, <file>:<line>` or `built in (omnibase_core 0.46.8 …): why`. */
export function sourceText(id: CoreTableId, s: TableSource): string {
  const t = CORE_TABLES[id];
  if (s.kind === 'package') return `omnibase_core${s.version === null ? '' : ` ${s.version}`}, ${s.file}:${s.line + 1}`;
  return `built in (omnibase_core ${CORE_BUILT_IN_VERSION} ${t.module}:${t.line}): ${s.why}`;
}
