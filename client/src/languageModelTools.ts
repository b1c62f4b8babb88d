// Registry Lens's language-model tools for Copilot agent mode (and any chat participant): check,
// explain, list, graph, locate and fixes — the MCP server's reading tools — answered by the running
// language server with the CLI's and MCP server's JSON documents of what it has now — unsaved edits
// included, exactly as the Problems panel shows them. None writes. Declared under
// `contributes.languageModelTools` in package.json; registered only where VS Code has the API (1.95+).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  type CheckDocumentParams,
  type DocumentAnswer,
  type ExplainDocumentParams,
  type FixesDocumentParams,
  type FolderDocument,
  type GraphDocumentParams,
  type ListDocumentParams,
  type LocateDocumentParams,
} from '../../server/src/lsp/protocol';

const TOOL_NAMES = {
  check: 'registry-lens_check',
  explain: 'registry-lens_explain',
  list: 'registry-lens_list',
  graph: 'registry-lens_graph',
  locate: 'registry-lens_locate',
  fixes: 'registry-lens_fixes',
} as const;

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
const MODES = ['isolated', 'hybrid'] as const;

interface FolderInput {
  folder?: unknown;
}
/** check, list and graph answer one page at a time, as the MCP server's tools (the server pages them). */
interface PageInput {
  limit?: unknown;
  cursor?: unknown;
}
interface CheckInput extends FolderInput, PageInput {
  paths?: unknown;
  codes?: unknown;
  severity?: unknown;
  mode?: unknown;
}
interface ExplainInput extends FolderInput {
  name?: unknown;
  workspace?: unknown;
  mode?: unknown;
  framework?: unknown;
  env?: unknown;
}
interface ListInput extends FolderInput, PageInput {
  workspace?: unknown;
  mode?: unknown;
  conflictsOnly?: unknown;
}
interface GraphInput extends FolderInput, PageInput {
  workspace?: unknown;
  mode?: unknown;
}
interface LocateInput extends FolderInput {
  name?: unknown;
}
interface FixesInput extends FolderInput {
  file?: unknown;
  code?: unknown;
}

/** The few fields of the CLI's documents (engine/documents/jsonDocuments.ts) the tools' one-line summaries read. */
interface CheckFields {
  summary: { errors: number; warnings: number; information: number; hints: number };
}
interface ExplainFields {
  found: boolean;
  winner: { source: string } | null;
  context: string;
  mode: string;
}
interface ListFields {
  summary: { entries: number };
  context: string;
  mode: string;
}
interface GraphFields {
  summary: { nodes: number; dependencyEdges: number; flowEdges: number; cycles: number };
  context: string;
  mode: string;
}
interface LocateFields {
  definitions: unknown[];
  references: unknown[];
}
interface FixesFields {
  file: string;
  fixes: unknown[];
}
const fields = <F>(a: FolderDocument): F => a.document as unknown as F;

export function registerLanguageModelTools(client: LanguageClient): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return [
    vscode.lm.registerTool<CheckInput>(TOOL_NAMES.check, {
      prepareInvocation: ({ input }) => ({ invocationMessage: `Checking the registries${describePaths(input.paths)}` }),
      invoke: async ({ input }, token) => {
        const paths = strings(input.paths, 'paths');
        const codes = strings(input.codes, 'codes');
        const severity = oneOf(input.severity, 'severity', SEVERITIES);
        const mode = oneOf(input.mode, 'mode', MODES);
        const params: CheckDocumentParams = {
          ...folderUri(input),
          ...(paths ? { paths: paths.map(relativePath) } : {}),
          ...(codes ? { codes } : {}),
          ...(severity ? { severity } : {}),
          ...(mode ? { mode } : {}),
          ...page(input),
        };
        const answers = await client.sendRequest<FolderDocument[]>(Methods.checkDocument, params, token);
        if (answers.length === 0) throw new Error(NO_FOLDER);
        return result(
          answers.flatMap((a) => {
            const s = fields<CheckFields>(a).summary;
            return [
              `Registry Lens check of ${where(a)}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ` +
                `${s.information} information, ${count(s.hints, 'hint')}.${pageNote(a)}`,
              a.document,
            ];
          }),
        );
      },
    }),
    vscode.lm.registerTool<ExplainInput>(TOOL_NAMES.explain, {
      prepareInvocation: ({ input }) => ({
        invocationMessage: `Explaining how '${String(input.name)}' resolves${inWorkspace(input.workspace)}`,
      }),
      invoke: async ({ input }, token) => {
        const name = text(input.name, 'name');
        if (name === undefined) throw new Error('`name` (the step or artifact to explain) is required.');
        const workspace = text(input.workspace, 'workspace');
        const mode = oneOf(input.mode, 'mode', MODES);
        const framework = text(input.framework, 'framework');
        const env = strings(input.env, 'env');
        const params: ExplainDocumentParams = {
          ...folderUri(input),
          step: name,
          ...(workspace ? { workspace } : {}),
          ...(mode ? { mode } : {}),
          ...(framework ? { framework } : {}),
          ...(env ? { env } : {}),
        };
        const a = document(await client.sendRequest<DocumentAnswer | null>(Methods.explainDocument, params, token));
        const e = fields<ExplainFields>(a);
        const verdict = e.found ? `resolves to ${e.winner?.source ?? '(nothing)'}` : 'is not defined';
        return result([
          `Registry Lens explain of ${where(a)}: '${name}' ${verdict} in context '${e.context}' (${e.mode}).`,
          a.document,
        ]);
      },
    }),
    vscode.lm.registerTool<ListInput>(TOOL_NAMES.list, {
      prepareInvocation: ({ input }) => ({
        invocationMessage: `Listing the registry steps${inWorkspace(input.workspace)}`,
      }),
      invoke: async ({ input }, token) => {
        const workspace = text(input.workspace, 'workspace');
        const conflictsOnly = input.conflictsOnly === undefined ? undefined : input.conflictsOnly === true;
        const mode = oneOf(input.mode, 'mode', MODES);
        const params: ListDocumentParams = {
          ...folderUri(input),
          ...(workspace ? { workspace } : {}),
          ...(mode ? { mode } : {}),
          ...(conflictsOnly ? { conflictsOnly } : {}),
          ...page(input),
        };
        const a = document(await client.sendRequest<DocumentAnswer | null>(Methods.listDocument, params, token));
        const l = fields<ListFields>(a);
        return result([
          `Registry Lens list of ${where(a)}: ${l.summary.entries} entries in context '${l.context}' (${l.mode}).` +
            pageNote(a),
          a.document,
        ]);
      },
    }),
    vscode.lm.registerTool<GraphInput>(TOOL_NAMES.graph, {
      prepareInvocation: ({ input }) => ({
        invocationMessage: `Reading the dependency graph${inWorkspace(input.workspace)}`,
      }),
      invoke: async ({ input }, token) => {
        const workspace = text(input.workspace, 'workspace');
        const mode = oneOf(input.mode, 'mode', MODES);
        const params: GraphDocumentParams = {
          ...folderUri(input),
          ...(workspace ? { workspace } : {}),
          ...(mode ? { mode } : {}),
          ...page(input),
        };
        const a = document(await client.sendRequest<DocumentAnswer | null>(Methods.graphDocument, params, token));
        const g = fields<GraphFields>(a).summary;
        const { context, mode: resolved } = fields<GraphFields>(a);
        return result([
          `Registry Lens graph of ${where(a)}: ${g.nodes} nodes, ${g.dependencyEdges + g.flowEdges} edges, ` +
            `${g.cycles} cycle(s) in context '${context}' (${resolved}).${pageNote(a)}`,
          a.document,
        ]);
      },
    }),
    vscode.lm.registerTool<LocateInput>(TOOL_NAMES.locate, {
      prepareInvocation: ({ input }) => ({ invocationMessage: `Locating '${String(input.name)}'` }),
      invoke: async ({ input }, token) => {
        const name = text(input.name, 'name');
        if (name === undefined) throw new Error('`name` (the step, module id or artifact to locate) is required.');
        const params: LocateDocumentParams = { ...folderUri(input), name };
        const a = document(await client.sendRequest<DocumentAnswer | null>(Methods.locateDocument, params, token));
        const l = fields<LocateFields>(a);
        return result([
          `Registry Lens locate of ${where(a)}: '${name}' has ${l.definitions.length} definition(s) ` +
            `and ${l.references.length} reference(s).`,
          a.document,
        ]);
      },
    }),
    vscode.lm.registerTool<FixesInput>(TOOL_NAMES.fixes, {
      prepareInvocation: ({ input }) => ({ invocationMessage: `Listing the quick fixes of ${String(input.file)}` }),
      invoke: async ({ input }, token) => {
        const file = text(input.file, 'file');
        if (file === undefined) throw new Error('`file` (the file whose quick fixes to list) is required.');
        const code = text(input.code, 'code');
        const params: FixesDocumentParams = {
          ...folderUri(input),
          file: relativePath(file),
          ...(code ? { code } : {}),
        };
        const a = document(await client.sendRequest<DocumentAnswer | null>(Methods.fixesDocument, params, token));
        const f = fields<FixesFields>(a);
        return result([
          `Registry Lens fixes of ${where(a)}: ${f.fixes.length} quick fix(es) for ${f.file}, ` +
            "proposed only (the editor's light bulb applies them).",
          a.document,
        ]);
      },
    }),
  ];
}

const NO_FOLDER = 'Registry Lens has no workspace folder to analyse: open a folder holding a registry.';

/** One text part per line of prose, one per document (JSON, as the CLI prints it with `--format json`). */
function result(parts: (string | object)[]): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult(
    parts.map((p) => new vscode.LanguageModelTextPart(typeof p === 'string' ? p : JSON.stringify(p))),
  );
}

function document(answer: DocumentAnswer | null): FolderDocument {
  if (answer === null) throw new Error(NO_FOLDER);
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}

function where(a: FolderDocument): string {
  return `workspace folder '${a.name}' (file paths below are relative to ${vscode.Uri.parse(a.folder).fsPath})`;
}

/** The workspace folder named by the input (multi-root windows); without one the server picks (check: every folder). */
function folderUri(input: FolderInput): { uri?: string } {
  const name = text(input.folder, 'folder');
  if (name === undefined) return {};
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.find((f) => f.name === name || f.uri.fsPath === name);
  if (folder === undefined)
    throw new Error(
      `No workspace folder '${name}'; open folders: ${folders.map((f) => f.name).join(', ') || '(none)'}.`,
    );
  return { uri: folder.uri.toString() };
}

/**
 * A path as the server's filter takes it: relative to its workspace folder (an absolute path inside one is
 * made relative).
 */
function relativePath(path: string): string {
  return vscode.workspace.asRelativePath(path, false);
}

/** The page asked for; the server checks the values and refuses a bad one, naming it. */
function page(input: PageInput): { limit?: number; cursor?: string } {
  const cursor = text(input.cursor, 'cursor');
  if (input.limit !== undefined && input.limit !== null && typeof input.limit !== 'number')
    throw new Error('`limit` must be a number.');
  return { ...(typeof input.limit === 'number' ? { limit: input.limit } : {}), ...(cursor ? { cursor } : {}) };
}

/** The server's line saying which part of the items a paged answer holds, after a space. */
function pageNote(a: FolderDocument): string {
  return a.pageNote ? ` ${a.pageNote}` : '';
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`\`${name}\` must be a string.`);
  return value;
}

function strings(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw new Error(`\`${name}\` must be an array of strings.`);
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`\`${name}\` must be one of ${allowed.join(', ')}.`);
  return found;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function describePaths(paths: unknown): string {
  return Array.isArray(paths) && paths.length > 0 ? ` of ${paths.map(String).join(', ')}` : '';
}

function inWorkspace(workspace: unknown): string {
  return typeof workspace === 'string' && workspace !== '' ? ` in workspace '${workspace}'` : ' in core';
}
