// What every tool of the MCP server shares: the live root, the fixes proposed so far, the server's options, how a path
// a
// caller gives is admitted (the one containment rule, for reading: a path outside the root is refused
// before anything is read from it), how a workspace id becomes a context, and the result shape.

import type { FrameworkFact, FrameworkUse } from '../host/frameworkReport';
import { existsSync } from 'node:fs';
import type { RegistryEngine } from '../engine/engine';
import type { JsonDocument } from '../engine/documents/jsonDocuments';
import type { ContextId } from '../engine/types';
import { resolveInRoot } from '../host/containment';
import type { FixProposals } from './fixProposals';
import type { LiveRoot } from '../host/liveRoot';

/**
 * How the server was started: `--allow-writes` lists the tools that write (none by default); `--allow-unproposed-fixes`
 * lets apply_fix take a fix the caller wrote; `--cache` answers a whole-root check from check's cache while the root
 * loads.
 */
export interface ServeOptions {
  allowWrites: boolean;
  allowUnproposedFixes: boolean;
  /** `--cache`: the result cache's folder (null: the default one); see LiveRoot. */
  cache?: string | null;
  /** `--python-env DIR`: the project's Python environment (host/pythonEnv.ts). */
  pythonEnv?: string;
}

export interface ToolContext {
  root: LiveRoot;
  fixes: FixProposals;
  options: ServeOptions;
  /** The framework versions a check assumes, as installed now (host/frameworkReport.ts). */
  frameworks: (used: FrameworkUse) => readonly FrameworkFact[];
}

/** A tool's answer: a text for the model to read and the structured document its output schema describes. */
export interface ToolAnswer {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent: JsonDocument;
}

export function answer(text: string, structuredContent: JsonDocument): ToolAnswer {
  return { content: [{ type: 'text', text }], structuredContent };
}

/**
 * The root-relative POSIX path of an existing file or folder under the root ('' for the root itself); an Error (a tool
 * error) otherwise.
 */
export function pathInRoot(root: string, p: string): string {
  const r = resolveInRoot(root, p, 'read');
  if ('refused' in r)
    throw new Error(`refused: ${r.refused}. Give paths relative to the root (${root}); nothing outside it is read.`);
  if (!existsSync(r.abs)) throw new Error(`${JSON.stringify(p)}: no such file or folder under the root (${root})`);
  return r.rel;
}

/** The context of a workspace id (core when absent); an Error (a tool error) naming the known ids otherwise. */
export function contextOf(engine: RegistryEngine, workspace: string | undefined): ContextId {
  const context = engine.contextFor(workspace);
  if (typeof context !== 'string') throw new Error(context.error);
  return context;
}
