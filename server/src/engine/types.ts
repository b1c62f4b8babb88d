// Plain data shared by every engine stage and handed to the front ends (LSP, CLI). Positions are
// 0-based lines and UTF-16 characters, exactly as in LSP, so front ends never convert offsets.

/** Readonly: positions and ranges are shared (interned tables, cached nodes); build a new one instead of mutating. */
export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}
/** `file` is always a root-relative POSIX path. */
export interface Location {
  file: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A diagnostic code, `RL` and three digits; every code is declared once (codes.ts, and a family's `codes.ts`). */
export type Code = `RL${string}`;

export interface RelatedInfo extends Location {
  message: string;
}

/** A text edit in one file; `range` is replaced by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}
/** A quick fix: edits per existing file plus files to create (with their full content). */
export interface Fix {
  title: string;
  edits: { file: string; edits: TextEdit[] }[];
  createFiles?: { file: string; text: string }[];
  preferred?: boolean;
}

export interface Diagnostic {
  file: string;
  range: Range;
  severity: Severity;
  code: Code;
  message: string;
  related: RelatedInfo[];
  /** Quick fixes for this diagnostic, computed with it so front ends only convert them. */
  fixes: Fix[];
  /** Rendered faded (LSP DiagnosticTag.Unnecessary) — unused for now but part of the contract. */
  tags?: ('unnecessary' | 'deprecated')[];
  /** In a Jupyter notebook: the code cell (0-based, among all cells) and the range within the cell's source. */
  cell?: { index: number; range: Range };
}

export type ResolutionMode = 'isolated' | 'hybrid';
export type Strategy = 'workspace_priority' | 'framework_match' | 'environment_match' | 'priority_based';

/** The resolved settings: the core's, and each family's (read back typed with its group's `of`: settings.ts). */
export interface Settings {
  /** Per-code severity override, or 'off'. */
  readonly severity: Partial<Record<Code, Severity | 'off'>>;
  /** Each assembled family's settings group → its resolved values. */
  readonly groups: ReadonlyMap<object, unknown>;
}

/**
 * What a front end passes: the settings the user changed, by the name a family declares (`workspacesRoots`), untrusted.
 */
export interface SettingsInput {
  readonly severity?: Partial<Record<Code, Severity | 'off'>>;
  readonly [name: string]: unknown;
}

/** A symbolic link the host found under the root: its real target (root-relative, null outside the root). */
export interface HostLink {
  path: string;
  target: string | null;
  loop: boolean;
}

/** `core` or a workspace id. */
export type ContextId = string;
export const CORE: ContextId = 'core';
