// Editor features as the engine answers them (family.ts `features`): a file's family is asked first and
// the shared model beneath the families answers otherwise (hover: the model's hover first, the family's
// where it has nothing); workspace-wide answers (symbols, list) add every family's to the model's. The
// dispatch knows no family and no model: it is handed the model's answers (`ModelFeatures`).
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
} from '../api';
import type { ContextId, Location, Position, ResolutionMode } from '../types';
import type { FamilyFeatures, FamilyQueries } from './family';
import { closest } from '../util/editDistance';

/** The families' features: those of the family that classified a file, and every family's. */
export interface FeatureSource {
  featuresOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null;
  /** The features of a family that reads the path although another classifies it; they answer first. */
  seerOf(path: string): { features: FamilyFeatures; q: FamilyQueries } | null;
  allFeatures(): { features: FamilyFeatures; q: FamilyQueries }[];
}

/** What `list` takes: a context, a resolution mode, and whether to keep only the model's conflicts. */
export interface ListOptions {
  context?: ContextId;
  mode?: ResolutionMode;
  conflictsOnly?: boolean;
}

/** The answers of the shared model beneath the families, where a file's family answers nothing. */
export interface ModelFeatures {
  hover(file: string, pos: Position): HoverResult | null;
  definition(file: string, pos: Position): Location[];
  references(file: string, pos: Position, includeDeclaration: boolean): Location[];
  completion(file: string, pos: Position): CompletionResult[];
  documentSymbols(file: string): DocumentSymbolResult[];
  codeLenses(file: string): CodeLensResult[];
  workspaceSymbols(query: string): WorkspaceSymbolResult[];
  explain(query: ExplainQuery): Explanation;
  list(opts: ListOptions): ListRow[];
  nameAt(file: string, pos: Position): string | null;
}

/** The families first, the model otherwise: every editor feature a family may answer for its own files. */
export class FeatureDispatch {
  constructor(
    private readonly ws: FeatureSource,
    private readonly model: ModelFeatures,
  ) {}

  hover(file: string, pos: Position): HoverResult | null {
    const seer = this.ws.seerOf(file);
    const seen = seer?.features.hover?.(file, pos, seer.q);
    if (seen) return seen;
    const own = this.ws.featuresOf(file);
    return this.model.hover(file, pos) ?? own?.features.hover?.(file, pos, own.q) ?? null;
  }

  definition(file: string, pos: Position): Location[] {
    const seer = this.ws.seerOf(file);
    const seen = seer?.features.definition?.(file, pos, seer.q) ?? [];
    if (seen.length) return seen;
    const own = this.ws.featuresOf(file);
    return own?.features.definition ? own.features.definition(file, pos, own.q) : this.model.definition(file, pos);
  }

  references(file: string, pos: Position, includeDeclaration: boolean): Location[] {
    const own = this.ws.featuresOf(file);
    return own?.features.references
      ? own.features.references(file, pos, own.q)
      : this.model.references(file, pos, includeDeclaration);
  }

  completion(file: string, pos: Position): CompletionResult[] {
    const own = this.ws.featuresOf(file);
    return own?.features.completion?.(file, pos, own.q) ?? this.model.completion(file, pos);
  }

  documentSymbols(file: string): DocumentSymbolResult[] {
    const own = this.ws.featuresOf(file);
    return own?.features.documentSymbols ? own.features.documentSymbols(file, own.q) : this.model.documentSymbols(file);
  }

  codeLenses(file: string): CodeLensResult[] {
    const own = this.ws.featuresOf(file);
    return own?.features.codeLenses ? own.features.codeLenses(file, own.q) : this.model.codeLenses(file);
  }

  /**
   * The links of the file's family, kept when their target is a file the engine knows exists (a root-relative normal
   * path, never outside the root).
   */
  documentLinks(file: string): DocumentLinkResult[] {
    const own = this.ws.featuresOf(file);
    return own?.features.documentLinks?.(file, own.q).filter((l) => own.q.files.exists(l.target)) ?? [];
  }

  workspaceSymbols(query: string): WorkspaceSymbolResult[] {
    return [...this.model.workspaceSymbols(query), ...this.familySymbols(query)];
  }

  /**
   * The symbols only the families know (ONEX artifacts): the part of the workspace symbols beyond the shared model's
   * entries.
   */
  familySymbols(query: string): WorkspaceSymbolResult[] {
    const q = query.toLowerCase();
    return this.ws.allFeatures().flatMap(({ features, q: fq }) => features.workspaceSymbols?.(q, fq) ?? []);
  }

  explain(query: ExplainQuery): Explanation {
    for (const { features, q } of this.ws.allFeatures()) {
      const e = features.explain?.(query, q);
      if (e) return e;
    }
    const e = this.model.explain(query);
    if (e.found) return e;
    // A name nobody explains: the families' close names join the model's, ranked together.
    const more = this.ws.allFeatures().flatMap(({ features, q }) => features.suggest?.(query.step, q) ?? []);
    return more.length ? { ...e, suggestions: closest(query.step, new Set([...e.suggestions, ...more]), 5) } : e;
  }

  nameAt(file: string, pos: Position): string | null {
    const seer = this.ws.seerOf(file);
    const seen = seer?.features.nameAt?.(file, pos, seer.q);
    if (seen) return seen;
    const own = this.ws.featuresOf(file);
    return own?.features.nameAt ? own.features.nameAt(file, pos, own.q) : this.model.nameAt(file, pos);
  }

  /** Names other families let Explain take (added to the shared model's names). */
  familyNames(): string[] {
    return this.ws.allFeatures().flatMap(({ features, q }) => features.names?.(q) ?? []);
  }

  list(opts: ListOptions): ListRow[] {
    const rows = this.model.list(opts);
    return opts.conflictsOnly
      ? rows
      : [...rows, ...this.ws.allFeatures().flatMap(({ features, q }) => features.list?.(q) ?? [])];
  }
}
