// Converts the engine's plain results (root-relative paths, LSP-shaped ranges) to protocol types:
// the only place that knows both vocabularies. Ranges already are LSP ranges, so only paths,
// enums and edit shapes change here.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type Location,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import type {
  CodeLensResult,
  CompletionKind,
  CompletionResult,
  DocumentLinkResult,
  DocumentSymbolResult,
  HoverResult,
  SymbolKind as EngineSymbolKind,
  WorkspaceSymbolResult,
} from '../engine/api';
import type { ClientCapabilities } from 'vscode-languageserver';
import type * as E from '../engine/types';
import type { Folder } from './folder';
import type { NotebookText } from './notebookText';

const SOURCE = 'registry-lens';

/**
 * What converting a diagnostic, location or edit needs of its folder (the web worker's folders have it too): its URIs,
 * and its open documents' versions (what an edit of them names) and open notebooks' cells (where their ranges lie).
 */
export type FolderEdits = Pick<Folder, 'uriOf' | 'codeHref'> & {
  readonly open: {
    get(rel: string): { readonly version: number; readonly notebook?: NotebookText | undefined } | undefined;
  };
};

/** What the client's workspace edits can do (from its capabilities). */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

/** The workspace edits a client can apply, by its capabilities. */
export function editSupport(caps: ClientCapabilities): EditSupport {
  const edit = caps.workspace?.workspaceEdit;
  return {
    documentChanges: edit?.documentChanges === true,
    createFiles: edit?.documentChanges === true && edit.resourceOperations?.includes('create') === true,
  };
}

const SEVERITY: Record<E.Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
  class: CompletionItemKind.Class,
  step: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
};

const SYMBOL_KIND: Record<EngineSymbolKind, SymbolKind> = {
  registry: SymbolKind.Namespace,
  step: SymbolKind.Object,
  field: SymbolKind.Property,
  workspace: SymbolKind.Package,
  class: SymbolKind.Class,
  module: SymbolKind.Module,
};

/** A file's range; in an open notebook, the cell it lies in. */
export function toLocation(folder: FolderEdits, loc: E.Location): Location {
  return folder.open.get(loc.file)?.notebook?.toCell(loc.range) ?? { uri: folder.uriOf(loc.file), range: loc.range };
}

/** A file's edits by the document they change: an open notebook's by cell (one that lies in no cell is dropped). */
function editsOf(
  folder: FolderEdits,
  file: string,
  edits: E.TextEdit[],
): { uri: string; version: number | null; edits: E.TextEdit[] }[] {
  const open = folder.open.get(file);
  const notebook = open?.notebook;
  if (notebook === undefined) return [{ uri: folder.uriOf(file), version: open?.version ?? null, edits }];
  const byCell = new Map<string, E.TextEdit[]>();
  for (const e of edits) {
    const cell = notebook.toCell(e.range);
    if (cell !== null) byCell.set(cell.uri, [...(byCell.get(cell.uri) ?? []), { ...e, range: cell.range }]);
  }
  return [...byCell].map(([uri, es]) => ({ uri, version: null, edits: es }));
}

/** A link's target is a root-relative file of the folder: its file URI. */
export function toDocumentLink(folder: Folder, link: DocumentLinkResult): DocumentLink {
  return { range: link.range, target: folder.uriOf(link.target) };
}

export function toDiagnostic(folder: FolderEdits, d: E.Diagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: folder.codeHref(d.code) },
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related.map((r) => ({ location: toLocation(folder, r), message: r.message })),
    ...(d.tags !== undefined && d.tags.length > 0 ? { tags: d.tags.map((t) => TAG[t]) } : {}),
  };
}

export function toHover(h: HoverResult | null): Hover | null {
  return h === null ? null : { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } };
}

export function toCompletionItem(c: CompletionResult): CompletionItem {
  const newText = c.insertText ?? c.label;
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    ...(c.detail !== undefined ? { detail: c.detail } : {}),
    ...(c.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    ...(c.sortText !== undefined ? { sortText: c.sortText } : {}),
    insertTextFormat: c.snippet === true ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(c.range !== undefined ? { textEdit: { range: c.range, newText } } : { insertText: newText }),
  };
}

export function toDocumentSymbol(s: DocumentSymbolResult): DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function toWorkspaceSymbol(folder: Folder, s: WorkspaceSymbolResult): WorkspaceSymbol {
  return {
    name: s.name,
    kind: SYMBOL_KIND[s.kind],
    location: toLocation(folder, s.location),
    containerName: s.containerName,
  };
}

/** Client commands the code lenses run (registered by the extension). */
const LENS_COMMANDS = { explain: 'registryLens.explainResolution', references: 'registryLens.showReferences' } as const;

/** `explain` lenses carry [step, context]; `references` lenses show the references at their start. */
export function toCodeLens(uri: string, lens: CodeLensResult): CodeLens {
  const c = lens.command;
  if (c === undefined) return { range: lens.range, command: { title: lens.title, command: '' } };
  const args = c.name === 'references' ? [uri, lens.range.start] : [{ uri, step: c.args[0], context: c.args[1] }];
  return { range: lens.range, command: { title: lens.title, command: LENS_COMMANDS[c.name], arguments: args } };
}

/** Edits of existing files plus files to create, as one workspace edit the client can apply. */
export function toWorkspaceEdit(
  folder: FolderEdits,
  edits: { file: string; edits: E.TextEdit[] }[],
  support: EditSupport,
  createFiles: { file: string; text: string }[] = [],
): WorkspaceEdit {
  const byDocument = edits.flatMap((e) => editsOf(folder, e.file, e.edits));
  if (!support.documentChanges) return { changes: Object.fromEntries(byDocument.map((e) => [e.uri, e.edits])) };
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      ...createFiles.flatMap((f) => [
        { kind: 'create' as const, uri: folder.uriOf(f.file), options: { ignoreIfExists: true } },
        {
          textDocument: { uri: folder.uriOf(f.file), version: null },
          edits: [{ range: { start, end: start }, newText: f.text }],
        },
      ]),
      ...byDocument.map((e) => ({ textDocument: { uri: e.uri, version: e.version }, edits: e.edits })),
    ],
  };
}

/** A quick fix, or null when it needs file creation the client cannot do. */
export function toCodeAction(
  folder: FolderEdits,
  ds: E.Diagnostic[],
  fix: E.Fix,
  support: EditSupport,
  kind: string,
): CodeAction | null {
  const creates = fix.createFiles ?? [];
  if (creates.length > 0 && !support.createFiles) return null;
  return {
    title: fix.title,
    kind,
    ...(ds.length > 0 ? { diagnostics: ds.map((d) => toDiagnostic(folder, d)) } : {}),
    ...(fix.preferred === true ? { isPreferred: true } : {}),
    edit: toWorkspaceEdit(folder, fix.edits, support, creates),
  };
}
