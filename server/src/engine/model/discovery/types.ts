// The data the discovery pipeline's stages hand to each other (seed 003 `types.py`): a companion
// metadata document, its dependencies, the modules the scan found (as the step model reads them), and what a meta
// file describes. Plain data with ranges, so features can point at the exact YAML node.
import type { Diagnostic, Location, Range } from '../../types';
import type { Lit } from '../../literal';
import type { PyClass } from '../../python/facts';
import type { FieldMap } from '../entries/dictFields';
import type { StepEntry } from '../entries/source';
import type { FrameworkVersion } from '../../analysis/family';
import type { AssumedFramework } from '../../analysis/frameworkPins';

/** One item of a meta file's `dependencies` (seed `DependencyInfo`). */
export interface MetaDep {
  moduleId: string;
  /** The `module_id` value node, and the characters a rename or fix replaces. */
  range: Range;
  inner: Range;
  /** The whole list item. */
  item: Range;
  /** The `version` hint when the SDK can read it (the stage 3 rules'). */
  version: { value: string; range: Range } | null;
  optional: boolean;
}

/** `entry_point: NAME:ClassName`: the SDK ignores NAME and looks the class up in the subject file. */
export interface MetaEntryPoint {
  cls: string;
  /**
   * The whole value node, its characters inside the quotes, and the characters of the class name (what a fix replaces).
   */
  range: Range;
  inner: Range;
  clsRange: Range;
}

/** A parsed `*_meta.yaml` (stage 3): what it says and what is wrong with it on its own. */
export interface MetaDoc {
  file: string;
  root: Lit | null;
  /** Top-level keys with their nodes (the last of duplicated keys, as YAML keeps it). */
  fields: FieldMap;
  deps: MetaDep[];
  entryPoint: MetaEntryPoint | null;
  /** `version` when the SDK can read it (leading digits, the stage 3 rules'). */
  version: string | null;
  description: string | null;
  /** RL001, RL020, RL030 of the file alone. */
  diagnostics: Diagnostic[];
}

/** An id map `class` and where it is written. */
export interface MappedClass {
  name: string;
  file: string;
  range: Range;
  ignored: boolean;
}

/** A module file found by the scan, with its id after the id map (stages 1–2), as the step model reads it. */
export interface ScannedModule {
  file: string;
  /** Final id (the id map's `id`, else the path id with its namespace). */
  id: string;
  /**
   * Where the id is written, when the id map gives it (with how, when it is not its `id`); null for path-derived ids.
   */
  idOrigin: { file: string; range: Range; note?: string } | null;
  /** The id map's `class` for this file; `ignored` when the mapping also has an `id` (then not read). */
  mappedClass: MappedClass | null;
}

/** What a meta file describes: the entry it is bound to by the subject rules of SPEC §1.5. */
export interface Binding {
  /** The subject file that exists, if any. */
  subject: string | null;
  /** Key of the entry (see `entryKey`), null when the subject maps to no entry. */
  entry: string | null;
  /** Name of that entry (step name or module id). */
  name: string | null;
  /** Which rule bound it, shown in hover and Explain: `id map`, `module path`, `class X`, `file name`. */
  rule: string | null;
}

/** What stage 4 may ask about files: the classes of a Python file (null when it is not read). */
export interface ClassFiles {
  classes(file: string): PyClass[] | null;
}

/** A resolved dependency: from the meta's entry to the entry named `to`. */
export interface Edge {
  to: string;
  range: Range;
  optional: boolean;
}

export interface DepEnv {
  /** Context name for messages (`core` or a workspace id). */
  context: string;
  resolve(name: string): StepEntry | null;
  /** Where a binding file registers a module id, null when none does. */
  bound(name: string): Location | null;
  /** The names of the context closest to an unknown one, best first (at most 3). */
  suggest(name: string): string[];
  /** The entry's version and whether it is declared (meta `version`, a module's `version` attribute) or the default. */
  versionOf(entry: StepEntry): { value: string; declared: boolean; at: Location | null };
  /** The version of the framework whose rules compile in `builtIn` the project has (installed, pinned, built in). */
  framework(builtIn: FrameworkVersion): AssumedFramework;
  /** Whether discovery skips the entry before it sorts dependencies (a module that fails its class checks). */
  skipped(entry: StepEntry): boolean;
}
