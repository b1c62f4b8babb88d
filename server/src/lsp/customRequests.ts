// Registry Lens's own requests (see protocol.ts) on the desktop: a new developer workspace, the views' requests
// (contexts, the active context, the overview and the step graph: viewRequests.ts, shared with the web worker), and
// the CLI's and MCP server's JSON documents (check, explain, list, graph, locate, fixes) for the language-model
// tools. Explain Resolution's requests are handlers/explain.ts, shared with the web worker too.
import { frameworkFacts, frameworkUse, withFrameworks } from '../host/frameworkReport';
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { CODES } from '../engine/engine';
import { CORE, type ContextId, type ResolutionMode } from '../engine/types';
import { checkFilterError, filterCheck } from '../engine/documents/checkFilter';
import { explainDocument, fixDocument, locateDocument, type JsonDocument } from '../engine/documents/jsonDocuments';
import {
  pageRequestError,
  pagedCheckDocument,
  pagedGraphDocument,
  pagedListDocument,
} from '../engine/documents/pagedDocuments';
import { pageLine, type Page } from '../engine/render/paging';
import type { Folder } from './folder';
import { initWorkspace } from '../host/writeScaffold';
import {
  Methods,
  type NewWorkspaceParams,
  type NewWorkspaceResult,
  type CheckDocumentParams,
  type DocumentAnswer,
  type ExplainDocumentParams,
  type FolderDocument,
  type ListDocumentParams,
  type FixesDocumentParams,
  type GraphDocumentParams,
  type LocateDocumentParams,
} from './protocol';
import type { Session } from './session';
import { perFolder, registerViewRequests, type ViewHost } from './viewRequests';

// Typed, so the connection rejects a request without its one parameter object.
const newWorkspaceRequest = new RequestType<NewWorkspaceParams, NewWorkspaceResult, void>(Methods.newWorkspace);
const checkDocumentRequest = new RequestType<CheckDocumentParams, FolderDocument[], void>(Methods.checkDocument);
const explainDocumentRequest = new RequestType<ExplainDocumentParams, DocumentAnswer | null, void>(
  Methods.explainDocument,
);
const listDocumentRequest = new RequestType<ListDocumentParams, DocumentAnswer | null, void>(Methods.listDocument);
const graphDocumentRequest = new RequestType<GraphDocumentParams, DocumentAnswer | null, void>(Methods.graphDocument);
const locateDocumentRequest = new RequestType<LocateDocumentParams, DocumentAnswer | null, void>(
  Methods.locateDocument,
);
const fixesDocumentRequest = new RequestType<FixesDocumentParams, DocumentAnswer | null, void>(Methods.fixesDocument);

export function registerCustomRequests(s: Session): void {
  const c = s.connection;
  const views: ViewHost<Folder> = {
    queryFolder: (uri, token, empty, answer) => s.queryFolder(uri, token, empty, answer),
    queryAll: (token, answer) => s.queryAll(token, answer),
    activeChanged: (folder) => s.analysis.status(folder),
  };
  registerViewRequests(c, views);

  c.onRequest(newWorkspaceRequest, async (p, token) => {
    const answer = await s.queryFolder<NewWorkspaceResult | Promise<NewWorkspaceResult>>(
      p.uri,
      token,
      { error: 'Open a folder first.', created: [], kept: [] },
      (folder) => newWorkspace(folder, p),
    );
    return answer; // queryFolder is async: a promise the work returns is already settled here
  });

  // The CLI's JSON documents, for the language-model tools (client/src/languageModelTools.ts).
  c.onRequest(checkDocumentRequest, (p, token) => {
    const invalid = checkFilterError(
      p,
      CODES.map((code) => code.code),
    );
    if (invalid !== null) throw new ResponseError(ErrorCodes.InvalidParams, invalid);
    const badPage = pageRequestError(p);
    if (badPage !== null) throw new ResponseError(ErrorCodes.InvalidParams, badPage);
    return perFolder(views, p, token, (folder): FolderDocument =>
      inMode(folder, p.mode, () => {
        const { diagnostics, summary } = filterCheck(folder.engine.allDiagnostics(), folder.engine.summary(), p);
        const ms = Math.round(s.analysis.lastAnalysisMs(folder));
        return {
          folder: folder.uri,
          name: folder.name,
          ...paged('diagnostics', () => {
            const a = pagedCheckDocument(diagnostics, summary, ms, p);
            const frameworks = frameworkFacts(
              folder.fsPath,
              folder.feeder.environment,
              frameworkUse(folder.engine),
              folder.feeder.installed,
            );
            return { ...a, document: withFrameworks(a.document, frameworks) };
          }),
        };
      }),
    );
  });

  c.onRequest(explainDocumentRequest, (p, token) =>
    s.queryFolder(p.uri, token, null, (folder) =>
      inWorkspace(folder, p.workspace, (context) => ({
        document: explainDocument(
          folder.engine.explain({
            step: p.step,
            context,
            mode: p.mode ?? folder.engine.resolutionMode,
            ...(p.framework !== undefined ? { framework: p.framework } : {}),
            ...(p.env !== undefined ? { environmentTags: p.env } : {}),
          }),
        ),
      })),
    ),
  );

  c.onRequest(listDocumentRequest, (p, token) => {
    const badPage = pageRequestError(p);
    if (badPage !== null) throw new ResponseError(ErrorCodes.InvalidParams, badPage);
    return s.queryFolder(p.uri, token, null, (folder) =>
      inWorkspace(folder, p.workspace, (context) => {
        const mode = p.mode ?? folder.engine.resolutionMode;
        const rows = folder.engine.list({ context, mode, conflictsOnly: p.conflictsOnly === true });
        return paged('entries', () => pagedListDocument(rows, folder.engine.contexts(), context, mode, p));
      }),
    );
  });

  c.onRequest(graphDocumentRequest, (p, token) => {
    const badPage = pageRequestError(p);
    if (badPage !== null) throw new ResponseError(ErrorCodes.InvalidParams, badPage);
    return s.queryFolder(p.uri, token, null, (folder) =>
      inWorkspace(folder, p.workspace, (context) => {
        const graph = folder.engine.graph({ context, mode: p.mode ?? folder.engine.resolutionMode });
        return paged('nodes', () => pagedGraphDocument(graph, p));
      }),
    );
  });

  c.onRequest(locateDocumentRequest, (p, token) =>
    s.queryFolder(p.uri, token, null, (folder): DocumentAnswer => ({
      folder: folder.uri,
      name: folder.name,
      document: locateDocument(folder.engine.locateName(p.name)),
    })),
  );

  c.onRequest(fixesDocumentRequest, (p, token) =>
    s.queryFolder(p.uri, token, null, (folder): DocumentAnswer => {
      const file = p.file.replace(/\\/g, '/').replace(/^\.\//, '');
      if (!folder.engine.has(file))
        return {
          error: `${JSON.stringify(p.file)}: Registry Lens does not analyse this file of folder '${folder.name}'`,
        };
      const fixes = folder.engine
        .fixes(file, WHOLE_FILE)
        .filter((f) => p.code === undefined || f.diagnostic.code === p.code);
      return {
        folder: folder.uri,
        name: folder.name,
        document: { file, fixes: fixes.map((f) => fixDocument(f.diagnostic, f.fix)) },
      };
    }),
  );
}

/**
 * `work` with the folder's names resolved in `mode` (the check tool's `mode`, as the CLI's --mode), then
 * the engine configured back. A request runs once the folder is analysed, and nothing is published in
 * between, so the editor's diagnostics never show the other mode.
 */
function inMode<T>(folder: Folder, mode: ResolutionMode | undefined, work: () => T): T {
  const settings = folder.settings;
  if (mode === undefined || settings === undefined || mode === folder.engine.resolutionMode) return work();
  folder.engine.configure({ ...settings.engine, mode });
  folder.engine.update();
  try {
    return work();
  } finally {
    folder.engine.configure(settings.engine);
    folder.engine.update();
  }
}

/** The whole of any file, as a range. */
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };

/** The document of `workspace`'s context (core without one), or an error naming the folder's workspaces. */
function inWorkspace(
  folder: Folder,
  workspace: string | undefined,
  answer: (context: ContextId) => Pick<FolderDocument, 'document' | 'pageNote'>,
): DocumentAnswer {
  const ids = folder.engine.contexts().map((c) => c.id);
  if (workspace !== undefined && !ids.includes(workspace)) {
    const known = ids.filter((id) => id !== CORE);
    return { error: `unknown workspace '${workspace}'; known: ${known.length === 0 ? '(none)' : known.join(', ')}` };
  }
  return { folder: folder.uri, name: folder.name, ...answer(workspace ?? CORE) };
}

/** One page of a document (`page()`), with the line saying which; a cursor it refuses is an invalid-params error. */
function paged(
  items: string,
  page: () => { document: JsonDocument; page: Page },
): Pick<FolderDocument, 'document' | 'pageNote'> {
  try {
    const a = page();
    return { document: a.document, pageNote: pageLine(a.page, items) };
  } catch (e) {
    throw new ResponseError(ErrorCodes.InvalidParams, e instanceof Error ? e.message : String(e));
  }
}

/** Lays out the workspace with the engine and writes it (never over a file), as `registry-lens init-workspace` does. */
async function newWorkspace(folder: Folder, p: NewWorkspaceParams): Promise<NewWorkspaceResult> {
  const r = await initWorkspace(folder.engine, folder.fsPath, { id: p.id, template: p.template, copyFrom: p.copyFrom });
  if ('error' in r) return { error: r.error, created: [], kept: [] };
  const registry = [...r.created, ...r.kept].find((f) => f.endsWith('/registry/workspace_registry.py'));
  return {
    created: r.created.map((f) => folder.uriOf(f)),
    kept: r.kept.map((f) => folder.uriOf(f)),
    ...(registry ? { registry: folder.uriOf(registry) } : {}),
  };
}
