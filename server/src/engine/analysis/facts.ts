// What one file says on its own: the neutral record the engine keeps per file, whatever family read it.
// The family's own facts stay its type (`Applied<Role, Facts>`): a reader gets them back typed through
// `FileQueries.appliedBy(family, path)`, which checks that this family's `read` read the file.
import type { Diagnostic, Settings } from '../types';

export interface Applied<R = unknown, F = unknown> {
  /** The function that read the file (a family's `read`, compared by identity); null when no family claims the path. */
  readonly by: object | null;
  /** The path's role in that family (its own vocabulary). */
  role: R | null;
  /** The family's own facts of the file (null when it had nothing to read). */
  facts: F | null;
  /** Diagnostics of the file alone (syntax, fields, schema, skipped). */
  local: Diagnostic[];
  /** For a role whose text the engine keeps, the text and settings it was read from: the next read's start. */
  readonly from?: { readonly text: string; readonly settings: Settings };
}

/** What a family's reader returns: its facts, and the diagnostics of the file alone. */
export interface Read<F> {
  facts?: F | null;
  local?: Diagnostic[];
}

/** One empty list for every file without local diagnostics (33,000 files of a large org had one each). */
const NONE: never[] = Object.freeze([]) as never[];

export function emptyFacts<R>(by: object | null, role: R | null): Applied<R, never> {
  return { by, role, facts: null, local: NONE };
}
