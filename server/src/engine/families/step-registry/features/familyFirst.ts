// Editor features a family answers for its own files or entries (families/family.ts `features`):
// a file's family is asked first and the shared model's feature answers otherwise (hover: the model's
// entry hover first, the family's where it has nothing); workspace-wide answers (symbols, list) add
// every family's to the model's. Features never import a family.
import type {
  CodeLensResult,
  CompletionResult,
  DocumentLinkResult,
  DocumentSymbolResult,
  ExplainQuery,
  Explanation,
  HoverResult,
  ListRow,
  WorkspaceSymbolResult,
} from '../../../api';
import type { ContextId, Location, Position, ResolutionMode } from '../../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { hover as modelHover } from './hover';
import { definition as modelDefinition, references as modelReferences } from './navigation';
import { completion as modelCompletion } from './completion';
import {
  codeLenses as modelCodeLenses,
  documentSymbols as modelDocumentSymbols,
  workspaceSymbols as modelWorkspaceSymbols,
} from './outline';
import { explain as modelExplain } from './explain';
import { list as modelList } from './list';
import { stepAt as modelStepAt } from './stepAt';
import { closest } from '../../../util/editDistance';

export function hover(ws: StepWorkspace, file: string, pos: Position): HoverResult | null {
  const own = ws.featuresOf(file);
  return modelHover(ws, file, pos) ?? own?.features.hover?.(file, pos, own.q) ?? null;
}

export function definition(ws: StepWorkspace, file: string, pos: Position): Location[] {
  const own = ws.featuresOf(file);
  return own?.features.definition ? own.features.definition(file, pos, own.q) : modelDefinition(ws, file, pos);
}

export function references(ws: StepWorkspace, file: string, pos: Position, includeDeclaration: boolean): Location[] {
  const own = ws.featuresOf(file);
  return own?.features.references
    ? own.features.references(file, pos, own.q)
    : modelReferences(ws, file, pos, includeDeclaration);
}

export function completion(ws: StepWorkspace, file: string, pos: Position): CompletionResult[] {
  const own = ws.featuresOf(file);
  return own?.features.completion?.(file, pos, own.q) ?? modelCompletion(ws, file, pos);
}

export function documentSymbols(ws: StepWorkspace, file: string): DocumentSymbolResult[] {
  const own = ws.featuresOf(file);
  return own?.features.documentSymbols ? own.features.documentSymbols(file, own.q) : modelDocumentSymbols(ws, file);
}

export function codeLenses(ws: StepWorkspace, file: string): CodeLensResult[] {
  const own = ws.featuresOf(file);
  return own?.features.codeLenses ? own.features.codeLenses(file, own.q) : modelCodeLenses(ws, file);
}

/**
 * The links of the file's family, kept when their target is a file the engine knows exists (a root-relative normal
 * path, never outside the root).
 */
export function documentLinks(ws: StepWorkspace, file: string): DocumentLinkResult[] {
  const own = ws.featuresOf(file);
  return own?.features.documentLinks?.(file, own.q).filter((l) => own.q.files.exists(l.target)) ?? [];
}

export function workspaceSymbols(ws: StepWorkspace, query: string): WorkspaceSymbolResult[] {
  return [...modelWorkspaceSymbols(ws, query), ...familySymbols(ws, query)];
}

/**
 * The symbols only the families know (ONEX artifacts): the part of the workspace symbols beyond the shared model's
 * entries.
 */
export function familySymbols(ws: StepWorkspace, query: string): WorkspaceSymbolResult[] {
  const q = query.toLowerCase();
  return ws.allFeatures().flatMap(({ features, q: fq }) => features.workspaceSymbols?.(q, fq) ?? []);
}

export function explain(ws: StepWorkspace, query: ExplainQuery): Explanation {
  for (const { features, q } of ws.allFeatures()) {
    const e = features.explain?.(query, q);
    if (e) return e;
  }
  const e = modelExplain(ws, query);
  if (e.found) return e;
  // A name nobody explains: the families' close names join the model's, ranked together.
  const more = ws.allFeatures().flatMap(({ features, q }) => features.suggest?.(query.step, q) ?? []);
  return more.length ? { ...e, suggestions: closest(query.step, new Set([...e.suggestions, ...more]), 5) } : e;
}

export function stepAt(ws: StepWorkspace, file: string, pos: Position): string | null {
  const own = ws.featuresOf(file);
  return own?.features.nameAt ? own.features.nameAt(file, pos, own.q) : modelStepAt(ws, file, pos);
}

/** Names other families let Explain take (added to the shared model's step names). */
export function familyNames(ws: StepWorkspace): string[] {
  return ws.allFeatures().flatMap(({ features, q }) => features.names?.(q) ?? []);
}

export function list(
  ws: StepWorkspace,
  opts: { context?: ContextId; mode?: ResolutionMode; conflictsOnly?: boolean },
): ListRow[] {
  const rows = modelList(ws, opts);
  return opts.conflictsOnly
    ? rows
    : [...rows, ...ws.allFeatures().flatMap(({ features, q }) => features.list?.(q) ?? [])];
}
