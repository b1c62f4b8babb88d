// The interface every registry family implements, and what a family may read. A family says what the
// paths it cares about are, reads one of its files into facts of its own type, names its units of
// cross-file diagnostics and computes each one, and tells the host which files and directories it
// needs. The engine consults the families it is assembled with in order; families never import each other.
import type { Diagnostic, Location, Position, Range, Settings } from '../types';
import type {
  CodeLensResult,
  CompletionResult,
  DocumentLinkResult,
  DocumentSymbolResult,
  ExplainQuery,
  ExplainSection,
  Explanation,
  HoverResult,
  ListRow,
  WorkspaceSymbolResult,
} from '../api';
import type { DependencyGraph } from '../api';
import type { ClassifyEnv, FileFamily, FileQueries } from './files';
import type { CodeTable } from '../codes';
import type { DeclaredSettings } from '../settings';

/**
 * The engine's tracked queries, as families read them (a family keeps its own groups of queries on the same database:
 * `perDatabase`).
 */
export interface FamilyQueries {
  files: FileQueries;
}

export type { ExplainSection };

/**
 * Editor features a family answers itself: on the files it classified (the file's family is asked
 * first, then the shared step model's answer; hover the other way round, since a family's file may
 * also be a registry source of the shared model), across the workspace (symbols, explain, list), or
 * added to the shared model's answers (Explain sections, step-graph edges).
 */
export interface FamilyFeatures {
  /** Hover where the shared model's hover has nothing (keys documented by a schema, an artifact). */
  hover?(file: string, pos: Position, q: FamilyQueries): HoverResult | null;
  definition?(file: string, pos: Position, q: FamilyQueries): Location[];
  references?(file: string, pos: Position, q: FamilyQueries): Location[];
  /** Completion in one of its files; null lets the shared model's completion answer. */
  completion?(file: string, pos: Position, q: FamilyQueries): CompletionResult[] | null;
  documentSymbols?(file: string, q: FamilyQueries): DocumentSymbolResult[];
  codeLenses?(file: string, q: FamilyQueries): CodeLensResult[];
  /**
   * The paths written in one of its files, each resolved to the file the family's loader opens (the engine keeps only
   * those that exist).
   */
  documentLinks?(file: string, q: FamilyQueries): DocumentLinkResult[];
  /** Symbols matching a query (a lower-case subsequence), added to the shared model's. */
  workspaceSymbols?(query: string, q: FamilyQueries): WorkspaceSymbolResult[];
  /**
   * An explanation when the name is the family's (e.g. `stamper_node@latest`); null lets the shared model explain it.
   */
  explain?(query: ExplainQuery, q: FamilyQueries): Explanation | null;
  /** Rows added to `list`. */
  list?(q: FamilyQueries): ListRow[];
  /** The name Explain should take at a position of one of the family's files (e.g. `stamper_node@latest`). */
  nameAt?(file: string, pos: Position, q: FamilyQueries): string | null;
  /** Names Explain accepts, offered by the editor's picker (e.g. `stamper_node@latest`, `stamper_node@1.0.0`). */
  names?(q: FamilyQueries): string[];
  /**
   * The family's names close to one nobody explains, for Explain's "Did you mean" (e.g. `stamper_node` for
   * `stamper_nod`).
   */
  suggest?(name: string, q: FamilyQueries): string[];
  /**
   * Sections of the Explain of a step named `name` (in the context of workspace `wsDir`, null for core) that only this
   * family knows.
   */
  explainSections?(name: string, wsDir: string | null, q: FamilyQueries): ExplainSection[];
  /** Data-flow edges (producer → consumer) of a context, for the graph and code lenses. */
  flowEdges?(wsDir: string | null, q: FamilyQueries): FlowEdge[];
  /** Where its `flowEdges` come from, in words (added to the model's, for a front end to say why a graph is empty). */
  readonly flowSource?: string;
  /** The graph one of its files declares (a pipeline DAG), in a context's graph's shape; null if it declares none. */
  fileGraph?(file: string, q: FamilyQueries): Omit<DependencyGraph, 'mode'> | null;
  /** The step a position of one of its files refers to, and the range naming it (references and rename start there). */
  stepRefAt?(file: string, pos: Position, q: FamilyQueries): { name: string; range: Range } | null;
  /** The places in its files that refer to a step (references and rename reach them; a rename replaces `inner`). */
  stepSites?(name: string, q: FamilyQueries): { file: string; range: Range; inner: Range }[];
}

/**
 * A family: the per-file part (analysis/files.ts: classify, index, read) and the cross-file part below,
 * generic over its role of a path (`R`), its facts of a file (`F`) and its layout (`L`).
 */
export interface Family<R = unknown, F = unknown, L = unknown> extends FileFamily<R, F, L> {
  /**
   * The diagnostic codes only this family raises, declared once (its `codes.ts`; each documented in
   * docs/diagnostics.md).
   */
  readonly codes?: CodeTable;
  /** The settings only this family reads, declared once (its `settings.ts`; read back with the group's `of`). */
  readonly settings?: DeclaredSettings;
  /**
   * The repository's examples (folders under `examples/`) that show this family's diagnostics, checked by
   * test/cli/examples.test.ts.
   */
  readonly examples?: readonly FamilyExample[];
  /** The files the family reads, as the server's watchers and the editor client need them to know. */
  readonly paths?: FamilyPaths;
  /**
   * The framework whose rules the family compiles in (its import package and the version they come from): what the
   * front ends name when no environment holds it, and what a pin of another version is judged against (RL080).
   */
  readonly framework?: FrameworkVersion;
  /**
   * The codes whose checks follow the project's own version of `framework` (installed, else pinned) where the family
   * records what another release does (analysis/frameworkPins.ts `assumedFramework`): RL080 names them.
   */
  readonly followsVersion?: readonly string[];
  /**
   * Index keys of files any project may hold (a CI workflow the family reads for gates): holding only these does not
   * say the root uses `framework` (`RegistryEngine.frameworksInUse`).
   */
  readonly incidental?: readonly string[];
  /** Keys of the family's units of cross-file diagnostics (each a tracked query); none without it. */
  unitKeys?(q: FamilyQueries): string[];
  /** The diagnostics of one of its units. */
  unit?(key: string, q: FamilyQueries): Diagnostic[];
  /** Host question: whether to feed a path this family classified (default: yes). */
  wants?(path: string, role: R, q: FamilyQueries): boolean;
  /** Host question: files to feed together with this one when it exists. */
  companionsOf?(path: string, role: R): string[];
  /** Host question: files the analysis refers to, to feed when they exist. */
  wantedFiles?(q: FamilyQueries): string[];
  /** Host question: a value that changes when only a new walk can find the files that became relevant. */
  relevance?(layout: L): string;
  /** Editor features on the family's own files and entries. */
  features?: FamilyFeatures;
  /**
   * Sources (registry files) and entries the family contributes to the summary (the shared step model counts its own).
   */
  counts?(q: FamilyQueries): { sources: number; entries: number };
  /** Host question: whether the analysis needs to know that this directory exists (tell it with `setTree`). */
  wantsDirectory?(path: string, q: FamilyQueries): boolean;
  /** Host question, for the files open in an editor: which part of the root they read first (see `FamilyParts`). */
  parts?: FamilyParts<R, L>;
}

/**
 * The parts of a root, for a host that analyses the files open in an editor before the rest: `of`, the
 * part a file of the family belongs to (null: a part every open file reads, such as a registry); `readBy`,
 * the parts the diagnostics of an open file of the family read, the part it lies in first (null: the
 * whole root); `unit`, the part whose files a unit of the family named after no path reports on (absent
 * or null: any file), so that it waits while no open file lies in that part; `below`, the parts its files
 * at or below a directory may lie in (`[]`: none of its files can lie there; null: one every open file
 * reads may, or the family cannot say), so that a host lists a directory first only when some family's
 * files there may be read first. Part names are shared by the families that declare them (the step
 * model's are its contexts). A family without parts (`partsOf`) has its files in a part of its own: they
 * are read first only when one of them is open, and then the whole root is; its units named after no path
 * report on that part, so they wait while none is open; so a family whose files another family's
 * diagnostics read declares its parts.
 */
export interface FamilyParts<R, L = unknown> {
  of(path: string, role: R, settings: Settings): string | null;
  readBy(path: string, role: R, settings: Settings): readonly string[] | null;
  unit?(key: string, settings: Settings): string | null;
  below(dir: string, env: ClassifyEnv<L>): readonly string[] | null;
  /**
   * Its units may report on any of its files, not only the file or directory they are named after (apcore: a
   * module's unit on the id map naming it): while one of its files is open, every one of them runs first.
   */
  whole?: boolean;
}

/** A family's parts, or the default: one part of its own, named after it. */
export function partsOf<R, L>(family: Family<R, unknown, L>): FamilyParts<R, L> {
  if (family.parts) return family.parts;
  const part = `\0${family.name}`;
  const own = [part];
  return { of: () => part, readBy: () => null, unit: () => part, below: () => own };
}

/**
 * Where a family's files are, for the front ends: `names`, globs of the file names it reads (the server
 * watches every file of these names); `languages`, the editor languages of the documents it follows (the client's
 * document selector and `onLanguage:` activation); `markers`, globs of files whose presence says a
 * workspace holds its registries (`workspaceContains:` activation in package.json); `documents`, documents of
 * a language followed only under a name pattern (in the client's selector, never an `onLanguage:` activation:
 * `onLanguage:json` would start the extension for every JSON file, and a folder holding them has a marker).
 */
export interface FamilyPaths {
  names: string[];
  languages?: string[];
  markers?: string[];
  documents?: { language: string; pattern: string }[];
  /**
   * Of a framework installed in the project's Python environment, by import package: the files below its package
   * folder the family reads, and no other (the host feeds them, and the distribution's METADATA, as library code).
   */
  installed?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An example of a family: `dir`, its folder under `examples/`, holding `EXPECTED.json`, the problems it
 * seeds (each with its code, file, start, covered text and severity); `everyLevel`, whether that lists
 * every diagnostic the example reports (else every error and warning, hints and information aside).
 */
export interface FamilyExample {
  dir: string;
  everyLevel?: boolean;
}

/** The families' paths joined, each item once in the order of first mention: what the front ends register. */
export function joinPaths(families: readonly Family[]): {
  names: string[];
  languages: string[];
  documents: { language: string; pattern: string }[];
  activationEvents: string[];
  installed: Readonly<Record<string, readonly string[]>>;
} {
  const once = (pick: (p: FamilyPaths) => string[] | undefined): string[] => [
    ...new Set(families.flatMap((f) => (f.paths ? (pick(f.paths) ?? []) : []))),
  ];
  const languages = once((p) => p.languages);
  return {
    names: once((p) => p.names),
    languages,
    documents: [
      ...new Map(
        families.flatMap((f) => f.paths?.documents ?? []).map((d) => [`${d.language}:${d.pattern}`, d]),
      ).values(),
    ],
    activationEvents: [
      ...once((p) => p.markers).map((m) => `workspaceContains:${m}`),
      ...languages.map((l) => `onLanguage:${l}`),
    ],
    installed: families.reduce<Record<string, readonly string[]>>((all, f) => {
      for (const [pkg, files] of Object.entries(f.paths?.installed ?? {}))
        all[pkg] = [...new Set([...(all[pkg] ?? []), ...files])];
      return all;
    }, {}),
  };
}

/** A framework's import package (`omnibase_core`) and a version of it. */
export interface FrameworkVersion {
  readonly name: string;
  readonly version: string;
}

/** A cross-file check run as one unit (`check:<name>`) of its own. */
export interface UnitCheck {
  name: string;
  run(q: FamilyQueries): Diagnostic[];
}

/** Data flows from `from` (producer) to `to` (consumer); declared at `file`/`range`. */
export interface FlowEdge {
  from: string;
  to: string;
  file: string;
  range: Range;
  label: string;
}
