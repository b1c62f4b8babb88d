// The machine-readable documents of SPEC §7 (`check`, `explain`, `list` and `graph` with
// `--format json`) as plain objects, built key by key so that fields the engine adds for editors
// (quick fixes, tags, the positions' own bookkeeping) never leak into the contract. The CLI prints
// them; the MCP server returns the very same objects as its tools' structured content.
import type {
  ComponentHit,
  DependencyGraph,
  Explanation,
  ExplainSection,
  ListRow,
  NameSites,
  SourcedLocation,
  Summary,
} from '../api';
import { EDGE_SOURCES, LIST_COLUMNS } from '../engine';
import type { ContextId, Diagnostic, Fix, Range, ResolutionMode, Severity } from '../types';

/** A JSON object, as a tool's structured content must be. */
export type JsonDocument = Record<string, unknown>;

export function checkDocument(diagnostics: readonly Diagnostic[], summary: Summary, ms: number): JsonDocument {
  const s = summary;
  return {
    version: 1,
    summary: {
      sources: s.sources,
      entries: s.entries,
      workspaces: s.workspaces,
      errors: s.errors,
      warnings: s.warnings,
      information: s.information,
      hints: s.hints,
      ms,
    },
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      range: copyRange(d.range),
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: d.related.map((r) => ({ file: r.file, range: copyRange(r.range), message: r.message })),
      // A notebook's finding: `range` is in the .ipynb file's text, `cell` the code cell and the range within it.
      ...(d.cell ? { cell: { index: d.cell.index, range: copyRange(d.cell.range) } } : {}),
    })),
  };
}

/** The SPEC §7 explanation plus the legacy entry and derived-registry rows. */
export function explainDocument(e: Explanation): JsonDocument {
  const component = (c: ComponentHit | null): object | null =>
    c === null
      ? null
      : {
          class: c.class,
          file: c.file,
          range: copyRange(c.range),
          ...(c.synthesized ? { synthesized: { base: c.synthesized.base, by: c.synthesized.by } } : {}),
        };
  return {
    step: e.step,
    context: e.context,
    mode: e.mode,
    found: e.found,
    winner: e.winner === null ? null : { ...sourced(e.winner), fields: e.winner.fields },
    trace: e.trace.map((t) => ({ layer: t.layer, hit: t.hit, file: t.file })),
    shadowed: e.shadowed.map(sourced),
    conflicts: e.conflicts.map(sourced),
    strategy: e.strategy === null ? null : { name: e.strategy.name, reason: e.strategy.reason },
    legacy: e.legacy,
    derived: e.derived.map((d) => ({ registry: d.registry, key: d.key, value: d.value })),
    components: {
      builder: component(e.components.builder),
      config: component(e.components.config),
      spec: component(e.components.spec),
      contract: component(e.components.contract),
      script: component(e.components.script),
    },
    dependencies: e.dependencies.map((d) => ({
      name: d.name,
      resolved: d.resolved === null ? null : sourced(d.resolved),
      optional: d.optional,
    })),
    dependents: e.dependents.map((d) => ({ name: d.name, context: d.context, ...sourced(d) })),
    suggestions: e.suggestions,
    ...(e.sections?.length ? { sections: e.sections.map(section) } : {}),
  };
}

export function listDocument(rows: readonly ListRow[], context: ContextId, mode: ResolutionMode): JsonDocument {
  return {
    version: 1,
    context,
    mode,
    steps: rows.map((r) => ({
      name: r.name,
      source: r.source,
      file: r.file,
      range: copyRange(r.range),
      ...Object.fromEntries(LIST_COLUMNS.map((c) => [c.key, r.columns[c.key] ?? null])),
      conflicts: r.conflicts,
      ...(r.detail !== undefined ? { detail: r.detail } : {}),
    })),
  };
}

export function graphDocument(g: DependencyGraph): JsonDocument {
  const note = emptyGraphNote(g);
  return {
    version: 1,
    context: g.context,
    mode: g.mode,
    nodes: g.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      source: n.source,
      file: n.file,
      range: n.range === null ? null : copyRange(n.range),
      meta: n.meta,
      cycle: n.cycle,
    })),
    edges: g.edges.map((e) => ({
      from: e.from,
      to: e.to,
      optional: e.optional,
      file: e.file,
      range: copyRange(e.range),
      cycle: e.cycle,
      ...(e.kind ? { kind: e.kind, label: e.label ?? null } : {}),
    })),
    order: g.order,
    blocked: g.blocked,
    cycles: g.cycles,
    ...(note === null ? {} : { note }),
  };
}

/** A name's definitions and references (MCP's `locate`, the language-model tools' locate). */
export function locateDocument(sites: NameSites): JsonDocument {
  return {
    name: sites.name,
    definitions: sites.definitions.map(sourced),
    references: sites.references.map((r) => ({ file: r.file, range: copyRange(r.range) })),
  };
}

/** One quick fix of a diagnostic (`fixes`): its edits to existing files and the files it creates, root-relative. */
export interface FixDocument {
  [key: string]: unknown;
  title: string;
  preferred: boolean;
  diagnostic: { code: string; severity: Severity; message: string; range: Range };
  edits: { path: string; range: Range; newText: string }[];
  createFiles: { path: string; text: string }[];
}

export function fixDocument(diagnostic: Diagnostic, fix: Fix): FixDocument {
  return {
    title: fix.title,
    preferred: fix.preferred === true,
    diagnostic: {
      code: diagnostic.code,
      severity: diagnostic.severity,
      message: diagnostic.message,
      range: copyRange(diagnostic.range),
    },
    ...fixEdits(fix),
  };
}

/** A fix's edits and created files, with root-relative paths. */
export function fixEdits(fix: Fix): Pick<FixDocument, 'edits' | 'createFiles'> {
  return {
    edits: fix.edits.flatMap((fe) =>
      fe.edits.map((e) => ({ path: fe.file, range: copyRange(e.range), newText: e.newText })),
    ),
    createFiles: (fix.createFiles ?? []).map((c) => ({ path: c.file, text: c.text })),
  };
}

/** Why the graph has no edges, or null when it has some. */
export function emptyGraphNote(g: DependencyGraph): string | null {
  if (g.edges.length > 0) return null;
  return (
    `the graph of context '${g.context}' is empty: nothing in it declares a dependency. ` +
    `Edges come from ${EDGE_SOURCES.join('; ')}.`
  );
}

/** A range with only its four numbers, whatever else the engine's objects carry. */
export function copyRange(r: Range): Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

function section(s: ExplainSection): ExplainSection {
  return {
    title: s.title,
    rows: s.rows.map((r) => ({
      label: r.label,
      text: r.text,
      ...(r.file === undefined ? {} : { file: r.file }),
      ...(r.range === undefined ? {} : { range: copyRange(r.range) }),
    })),
  };
}

function sourced(s: SourcedLocation): { source: string; file: string; range: Range } {
  return { source: s.source, file: s.file, range: copyRange(s.range) };
}
