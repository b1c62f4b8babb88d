// A minimal LSP client for the tests: spawns the bundled server (`node dist/server.js --stdio`) on
// a temporary workspace folder, answers the server's requests (configuration, registrations,
// progress), records its notifications, and waits for conditions on them (no fixed sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/protocol';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** initializationOptions.debounceMs (0 unless a test needs edits to stay pending). */
  debounceMs?: number;
  /** initializationOptions.analysisStepMs (the server's default unless given). */
  analysisStepMs?: number;
  /** The `registryLens` settings section the client answers with. */
  settings?: Record<string, unknown>;
  /** Root-relative directories opened as workspace folders (default: the root itself). */
  folders?: string[];
  /** An existing folder to serve (`files` written into it), kept when the client stops; default: a new temp folder. */
  root?: string;
  /** Symbolic links made before the server starts: root-relative path → root-relative target. */
  links?: Record<string, string>;
  /** Node's arguments to run another server than the bundle (a script and what it preloads), and its environment. */
  command?: { args: readonly string[]; env: Record<string, string> };
}

interface Waiter {
  check: () => boolean;
}

export class TestClient {
  /** Latest diagnostics per document URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Tokens of the work-done progress the server created (window/workDoneProgress/create). */
  readonly progressTokens: unknown[] = [];
  /** The `registryLens` settings section answered to `workspace/configuration` (change, then notify). */
  settings: Record<string, unknown> = {};
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly root: string,
    private readonly proc: ChildProcess,
    readonly connection: MessageConnection,
    private readonly owned: boolean,
  ) {}

  /** Writes `files` (root-relative path → text) to a new temp folder and initializes a server on it. */
  static async start(files: Map<string, string>, options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    const root = options.root ?? mkdtempSync(path.join(tmpdir(), 'registry-lens-lsp-'));
    for (const [rel, text] of files) writeFile(root, rel, text);
    for (const [rel, target] of Object.entries(options.links ?? {})) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      symlinkSync(path.join(root, target), path.join(root, rel));
    }
    const proc = spawn(process.execPath, [...(options.command?.args ?? [...SERVER_NODE_ARGS, SERVER]), '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...options.command?.env },
    });
    if (!proc.stdout || !proc.stdin) throw new Error('server pipes are missing');
    const connection = createMessageConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    const client = new TestClient(root, proc, connection, options.root === undefined);
    client.settings = options.settings ?? {};
    client.listen();
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: client.uri(''),
      workspaceFolders: (options.folders ?? ['']).map((rel) => client.folder(rel)),
      initializationOptions: { debounceMs: options.debounceMs ?? 0, analysisStepMs: options.analysisStepMs },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, rel)).href;
  }
  folder(rel: string): { uri: string; name: string } {
    return { uri: this.uri(rel), name: rel === '' ? 'fixture' : rel };
  }
  abs(rel: string): string {
    return path.join(this.root, rel);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(rel: string, text: string): Promise<void> {
    this.versions.set(rel, 1);
    const languageId = rel.endsWith('.py')
      ? 'python'
      : rel.endsWith('.json')
        ? 'json'
        : rel.endsWith('.toml')
          ? 'toml'
          : 'yaml';
    await this.notify('textDocument/didOpen', { textDocument: { uri: this.uri(rel), languageId, version: 1, text } });
  }

  /** Replaces `range` of an open document with `text` (an incremental change). */
  async change(rel: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    await this.notify('textDocument/didChange', {
      textDocument: { uri: this.uri(rel), version },
      contentChanges: [{ range, text }],
    });
  }

  /** Replaces the whole text of an open document (a change without a range). */
  async replace(rel: string, text: string): Promise<void> {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    await this.notify('textDocument/didChange', {
      textDocument: { uri: this.uri(rel), version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the first truthy value of `probe`, re-checked after every notification. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 15000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; diagnostics:\n${this.describe()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined || value === null || value === false) return false;
          clearTimeout(timer);
          resolve(value);
          return true;
        },
      };
      if (!waiter.check()) this.waiters.push(waiter);
    });
  }

  /**
   * Waits for the end of the initial scan's work-done progress (files read, analysed and published);
   * resolves with the number of notifications up to and including it.
   */
  loaded(): Promise<number> {
    return this.waitFor('the end of the initial progress', () => {
      const i = this.notifications.findIndex(
        (n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end',
      );
      return i < 0 ? undefined : i + 1;
    });
  }

  /** Waits until the diagnostics of `rel` satisfy `probe`. */
  diagnosticsOf(rel: string, what: string, probe: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return this.waitFor(what, () => {
      const ds = this.diagnostics.get(this.uri(rel));
      return ds !== undefined && probe(ds) ? ds : undefined;
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.proc.kill();
      if (this.owned) rmSync(this.root, { recursive: true, force: true });
    }
  }

  private listen(): void {
    const c = this.connection;
    // A section below `registryLens` (the machine-scoped `registryLens.python.environment`) is its value in `settings`.
    c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map(
        (item) =>
          item.section
            ?.split('.')
            .reduce<unknown>(
              (at, key, i) => (i === 0 ? (key === 'registryLens' ? this.settings : undefined) : record(at)?.[key]),
              undefined,
            ) ?? null,
      ),
    );
    c.onRequest(
      'client/registerCapability',
      (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...p.registrations);
        return null;
      },
    );
    c.onRequest('window/workDoneProgress/create', (p: { token: unknown }) => {
      this.progressTokens.push(p.token);
      return null;
    });
    // jsonrpc routes `$/progress` apart from other notifications; recorded with them, in order.
    c.onUnhandledProgress((params) => {
      this.notifications.push({ method: '$/progress', params });
      this.waiters = this.waiters.filter((w) => !w.check());
    });
    c.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as { uri: string; diagnostics: Diagnostic[] };
        this.diagnostics.set(p.uri, p.diagnostics);
      }
      this.waiters = this.waiters.filter((w) => !w.check());
    });
  }

  /** What the server said so far: diagnostics per file, then its log messages. */
  private describe(): string {
    const diagnostics = [...this.diagnostics].map(
      ([uri, ds]) =>
        `  ${uri.slice(pathToFileURL(this.root).href.length + 1)}: ${ds.map((d) => `${String(d.code)}@${show(d.range)}`).join(', ')}`,
    );
    const logs = this.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => `  log: ${JSON.stringify(n.params)}`);
    return [...diagnostics, ...logs].join('\n');
  }
}

export function writeFile(root: string, rel: string, text: string): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

export const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}
