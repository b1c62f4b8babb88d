// The language server of the web extension (vscode.dev, github.dev: a web worker, no file system, no Node): each
// workspace folder is read through the client (`WebMethods`: its directories listed and its files read with
// `workspace.fs`, on any URI scheme) and
// fed to an engine by the one source feed (host/fileSource.ts); open documents win over what the client reads; watched
// file events read again; diagnostics are published, the editor features answered by the Node server's handlers
// (webFeatures.ts) and the views' requests (webViews.ts). A folder's `registryLens.*` and `files.exclude` settings are
// asked of the client and mapped as the Node server maps them (host/portableSettings.ts); a change loads the folders
// again. The Node server (server.ts) holds the rest behind its disk feeder (the Python environment, the cache).
import {
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeAnchor } from '../engine/codes';
import { RegistryEngine, type WasmBinaries } from '../engine/engine';
import { CORE, type Code, type ContextId } from '../engine/types';
import { feedSource, give, type FeedOrder, type FileSource, type SourceRead } from '../host/fileSource';
import { NEVER_LISTED } from '../host/listedWalk';
import { portableSettings, type PortableSettings } from '../host/portableSettings';
import { compileGlobs } from '../engine/util/globs';
import { inListedEnvironment } from '../host/pythonLibrary';
import { editorRead } from '../host/textPolicy';
import { editSupport, toDiagnostic, type EditSupport, type FolderEdits } from './convert';
import {
  WebMethods,
  type InitializationOptions,
  type ListFilesParams,
  type ReadFilesParams,
  type ReadingParams,
} from './protocol';
import type { ReadFilesResult } from './protocol';
import { relIn, uriIn } from './uriPaths';
import { registerWebViews } from './webViews';
import { FEATURE_CAPABILITIES } from './handlers/features';
import { registerWebFeatures } from './webFeatures';

/** How long edits to open documents settle before the analysis runs again. */
const EDIT_DEBOUNCE_MS = 150;

/** The web worker's files: the bytes of the tree-sitter wasm files and the diagnostics reference's URI. */
export interface WebAssets {
  wasm: WasmBinaries;
  codeDoc: string;
}

/** An open document under the size policy of files (`maxBytes`: the folder's `registryLens.maxFileSizeMB`). */
function openRead(doc: TextDocument, maxBytes: number): SourceRead {
  const text = doc.getText();
  return editorRead({ size: new TextEncoder().encode(text).length, text }, maxBytes);
}

/** The defaults, until the client has told a folder's settings. */
const DEFAULT_SETTINGS: PortableSettings = portableSettings(undefined, undefined);

class WebFolder {
  engine: RegistryEngine | undefined;
  /** Files whose published diagnostics are not empty. */
  readonly published = new Set<string>();
  /** The Python environments its last listing held: library code, whose documents and events are not analysed. */
  environments: ReadonlySet<string> = new Set();
  /** The context Explain Resolution and the views use when a request names none (Select Workspace Context sets it). */
  activeContext: ContextId = CORE;
  /** Its settings as last asked of the client; `excluded` matches the files they exclude, which are never read. */
  settings = DEFAULT_SETTINGS;
  excluded: (rel: string) => boolean = () => false;
  /** Its loads, one after another: two engines fed at once would publish over each other. */
  loading: Promise<void> = Promise.resolve();
  /**
   * Whether a load is reading it (from its creation to its first load's end): its engine is half fed, so requests
   * wait and diagnostics are held (`unpublished`: the files to publish when the reading ends).
   */
  reading = true;
  readonly unpublished = new Set<string>();

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly codeHref: (code: Code) => string,
    /** The open documents by root-relative path (the versions a fix's edits name). */
    readonly open: FolderEdits['open'],
  ) {}

  uriOf(rel: string): string {
    return uriIn(this.uri, rel);
  }
}

/** Serves `connection` once the worker has its assets (`assets` asks for them with the initialization options). */
export function startWebServer(
  connection: Connection,
  assets: (options: InitializationOptions) => Promise<WebAssets>,
): void {
  const documents = new TextDocuments(TextDocument);
  const folders: WebFolder[] = [];
  let initial: WorkspaceFolder[] = [];
  let edits: EditSupport = { documentChanges: false, createFiles: false };
  /** The client answers `workspace/configuration`. */
  let canAsk = false;
  let ready: Promise<WebAssets> | undefined;
  const edited = new Set<WebFolder>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const locate = (uri: string): { folder: WebFolder; rel: string } | undefined => {
    // the deepest folder holding the URI
    let best: { folder: WebFolder; rel: string } | undefined;
    for (const folder of folders) {
      const rel = relIn(folder.uri, uri);
      if (rel !== undefined && (best === undefined || folder.uri.length > best.folder.uri.length))
        best = { folder, rel };
    }
    return best;
  };
  /** `locate`, for a file of the project: none in a Python environment (library code, as on the desktop). */
  const locateProject = (uri: string): { folder: WebFolder; rel: string } | undefined => {
    const at = locate(uri);
    return at === undefined || inListedEnvironment(at.rel, at.folder.environments) ? undefined : at;
  };

  const source = (folder: WebFolder): FileSource => ({
    list: async () => {
      // Every file, as the disk's walk meets them: the engine's interest decides what is read. The families' file names
      // (`PATHS.names`) would miss what it wants by other names (an ONEX version's `.wip` marker).
      const params: ListFilesParams = { folder: folder.uri, skipped: NEVER_LISTED };
      const uris = await connection.sendRequest<string[]>(WebMethods.listFiles, params);
      return uris.flatMap((uri) => {
        const rel = locate(uri)?.folder === folder ? relIn(folder.uri, uri) : undefined;
        return rel === undefined || folder.excluded(rel) ? [] : [rel];
      });
    },
    read: async (paths) => {
      // An open document is the editor's text, not the file's.
      const uris = paths.map((rel) => folder.uriOf(rel));
      const unopened = uris.filter((uri) => documents.get(uri) === undefined);
      const maxBytes = folder.settings.maxFileBytes;
      const params: ReadFilesParams = { uris: unopened, maxBytes };
      const read =
        unopened.length === 0 ? [] : await connection.sendRequest<ReadFilesResult>(WebMethods.readFiles, params);
      const byUri = new Map(unopened.map((uri, i) => [uri, read[i] ?? null]));
      return uris.map((uri) => {
        const doc = documents.get(uri);
        return doc === undefined ? editorRead(byUri.get(uri) ?? null, maxBytes) : openRead(doc, maxBytes);
      });
    },
  });

  const publish = (folder: WebFolder, files: Iterable<string>): void => {
    publishFiles(folder, files);
    views.status(folder);
  };
  const publishFiles = (folder: WebFolder, files: Iterable<string>): void => {
    const engine = folder.engine;
    if (engine === undefined) return;
    if (folder.reading) {
      // a half-read folder's diagnostics may be false (a module not read yet): published when the reading ends
      for (const file of files) folder.unpublished.add(file);
      return;
    }
    for (const file of files) {
      const diagnostics = engine.diagnostics(file).map((d) => toDiagnostic(folder, d));
      if (diagnostics.length === 0 && !folder.published.has(file)) continue;
      if (diagnostics.length === 0) folder.published.delete(file);
      else folder.published.add(file);
      void connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
    }
  };

  /** The folder's settings as the client tells them (lsp/settings.ts's, but no Python environment). */
  const settingsOf = async (folder: WebFolder): Promise<PortableSettings> => {
    if (!canAsk) return DEFAULT_SETTINGS;
    const [lens, filesExclude] = (await connection.workspace.getConfiguration([
      { scopeUri: folder.uri, section: 'registryLens' },
      { scopeUri: folder.uri, section: 'files.exclude' },
    ])) as unknown[];
    return portableSettings(lens, filesExclude, "the folder's settings");
  };
  /** What an analysis depends on: settings giving the same need no new load. */
  const effect = (s: PortableSettings): string => JSON.stringify([s.engine, s.exclude, s.maxFileBytes]);

  /**
   * Loads the folder after its loads before, with its settings as the client tells them then: the first time, and
   * again when they changed (the client tells every change of the sections, and once at its start).
   */
  const queueLoad = (folder: WebFolder, first: boolean): void => {
    folder.loading = folder.loading
      .then(async () => {
        const settings = await settingsOf(folder);
        if (!first && effect(settings) === effect(folder.settings)) return;
        await load(folder, settings);
      })
      .catch((e: unknown) => {
        fail(folder.uri, e);
        readingEnded(folder);
      });
  };

  /** Ends the folder's reading: its held diagnostics are published, the views told. */
  const readingEnded = (folder: WebFolder): void => {
    if (!folder.reading) return;
    folder.reading = false;
    publishFiles(folder, folder.unpublished);
    folder.unpublished.clear();
    views.status(folder);
  };

  /** Loads the folder with `settings`: a new engine, fed all over; what was published before is replaced. */
  const load = async (folder: WebFolder, settings: PortableSettings): Promise<void> => {
    const { wasm } = await (ready as Promise<WebAssets>);
    // Settings naming paths outside the folder are ignored: said where the user sees it, as the Node server does.
    for (const w of settings.warnings)
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `Registry Lens: ${w}`,
      });
    const engine = await RegistryEngine.create(wasm, settings.engine);
    folder.reading = true;
    // the files the settings before gave diagnostics: an empty list unless these give some
    for (const file of folder.published) folder.unpublished.add(file);
    folder.settings = settings;
    folder.excluded = compileGlobs(settings.exclude).matches;
    folder.engine = engine;
    // The open documents first, then the registries, then the rest, each analysed before the next is read; the
    // reading told to the client (its status item), the diagnostics published when it ends.
    const open = documents.all().flatMap((doc) => {
      const at = locate(doc.uri);
      return at?.folder === folder && !folder.excluded(at.rel) ? [at.rel] : [];
    });
    const order: FeedOrder = {
      open,
      analysed: (changed) => publishFiles(folder, changed),
      progress: ({ step, read, total, pending }) => {
        if (step === 'done') readingEnded(folder);
        const reading: ReadingParams = {
          folder: folder.uri,
          step,
          read,
          total,
          pending: pending.map(folder.uriOf, folder),
        };
        void connection.sendNotification(WebMethods.reading, reading);
      },
    };
    const warn = (m: string): void => connection.console.warn(`Registry Lens: ${m}`);
    try {
      folder.environments = await feedSource(engine, source(folder), warn, order);
    } catch (e) {
      // a failed read ends the reading too: the status item does not go on saying it reads
      order.progress({ step: 'done', read: 0, total: 0, pending: [] });
      throw e;
    }
  };

  const reanalyse = (): void => {
    timer = undefined;
    for (const folder of edited) {
      const engine = folder.engine;
      if (engine === undefined) continue;
      const interest = engine.interest();
      for (const doc of documents.all()) {
        const at = locateProject(doc.uri);
        if (at?.folder !== folder || folder.excluded(at.rel) || engine.text(at.rel) === doc.getText()) continue;
        // a document no family reads on its own is given only when the analysis refers to it, as on disk
        if (engine.has(at.rel) || interest.wants(at.rel) || interest.files.includes(at.rel))
          give(engine, at.rel, openRead(doc, folder.settings.maxFileBytes), false);
      }
      publish(folder, engine.update());
    }
    edited.clear();
  };
  const soon = (folder: WebFolder): void => {
    edited.add(folder);
    if (timer === undefined) timer = setTimeout(reanalyse, EDIT_DEBOUNCE_MS);
  };

  /** Reads `rels` again through the client (a closed document, a watched event) and analyses. */
  const reread = async (folder: WebFolder, rels: string[]): Promise<void> => {
    const engine = folder.engine;
    if (engine === undefined) return;
    const interest = engine.interest();
    const wanted = rels.filter(
      (rel) => !folder.excluded(rel) && (engine.has(rel) || interest.wants(rel) || interest.files.includes(rel)),
    );
    const reads = await source(folder).read(wanted);
    wanted.forEach((rel, i) => give(engine, rel, reads[i] ?? null));
    publish(folder, engine.update());
  };

  /** Resolves once the worker has its folders (or could not load its parser). */
  let begun: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (begun = resolve));
  /**
   * Resolves once the folder holding `uri` (every folder when none does) is read, never half: undefined, or the
   * request's cancellation when `token` is cancelled first (dropped, as the Node server drops it).
   */
  const whenRead = async (token: CancellationToken, uri?: string): Promise<ResponseError<void> | undefined> => {
    let listening: { dispose(): void } | undefined;
    const cancelled = new Promise<'cancelled'>((resolve) => {
      if (token.isCancellationRequested) resolve('cancelled');
      else listening = token.onCancellationRequested(() => resolve('cancelled'));
    });
    try {
      for (let wait = started; ;) {
        if ((await Promise.race([wait, cancelled])) === 'cancelled')
          return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
        const held = uri === undefined ? undefined : locate(uri)?.folder;
        const reading = (held === undefined ? folders : [held]).filter((f) => f.reading);
        if (reading.length === 0) return undefined;
        // a load queued after these is waited for too: the loop looks again when they end
        wait = Promise.all(reading.map((f) => f.loading)).then(() => undefined);
      }
    } finally {
      listening?.dispose();
    }
  };

  const fail = (what: string, e: unknown): void =>
    connection.console.error(`Registry Lens: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    ready = assets(options);
    initial = params.workspaceFolders ?? [];
    edits = editSupport(params.capabilities);
    canAsk = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: 'registry-lens' },
    };
  });
  connection.onInitialized(() => {
    void ready?.then(
      ({ codeDoc }) => {
        const href = (code: Code): string => `${codeDoc}#${codeAnchor(code)}`;
        for (const f of initial)
          folders.push(new WebFolder(f.uri, f.name, href, { get: (rel) => documents.get(uriIn(f.uri, rel)) }));
        for (const folder of folders) queueLoad(folder, true);
        begun();
      },
      (e: unknown) => {
        fail('loading the parser', e);
        begun();
      },
    );
  });
  /** Analyses the folder's edits that have not settled yet. */
  const settle = (folder: WebFolder): void => {
    if (timer === undefined || !edited.has(folder)) return;
    clearTimeout(timer);
    reanalyse();
  };
  const views = registerWebViews(connection, {
    all: () => folders,
    locate: (uri) => locate(uri)?.folder,
    settle,
    whenRead,
  });
  registerWebFeatures(connection, () => edits, { all: () => folders, locate, settle, whenRead });
  connection.onDidChangeConfiguration(() => {
    for (const folder of folders) queueLoad(folder, false);
  });
  documents.onDidChangeContent(({ document }) => {
    const at = locateProject(document.uri);
    if (at !== undefined) soon(at.folder);
  });
  documents.onDidClose(({ document }) => {
    const at = locateProject(document.uri);
    if (at !== undefined) void reread(at.folder, [at.rel]).catch((e: unknown) => fail(at.folder.uri, e));
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const byFolder = new Map<WebFolder, string[]>();
    for (const { uri, type } of changes) {
      const at = locateProject(uri);
      if (at === undefined || documents.get(uri) !== undefined) continue;
      if (type === FileChangeType.Deleted && at.folder.engine?.has(at.rel) !== true) continue;
      const rels = byFolder.get(at.folder);
      if (rels === undefined) byFolder.set(at.folder, [at.rel]);
      else rels.push(at.rel);
    }
    for (const [folder, rels] of byFolder) void reread(folder, rels).catch((e: unknown) => fail(folder.uri, e));
  });

  documents.listen(connection);
  connection.listen();
}
