// A minimal language client for the bench: spawns a server over stdio, answers what servers ask of an
// editor (configuration, registrations, progress), and times "change sent → diagnostics of that file
// received", as a user sees it. Used for Registry Lens and for its peers alike, so they are timed the same way.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument, type Range } from 'vscode-languageserver-textdocument';
import { commonEnds } from '../server/src/engine/text/commonEnds';

export interface LspStart {
  command: string;
  args: string[];
  root: string;
  initializationOptions?: unknown;
  /** Answer to `workspace/configuration` for a section (null when unknown). */
  configuration?: (section: string | undefined) => unknown;
  env?: NodeJS.ProcessEnv;
  /** The child's stdio (stdin and stdout must be pipes): the memory soak adds a channel on fd 3. */
  stdio?: StdioOptions;
}

interface Waiter {
  check: () => boolean;
}

export class LspClient {
  /** Arrival time (performance.now()) of every publishDiagnostics, per URI. */
  private readonly published = new Map<string, number[]>();
  /** What each of those publications said (its diagnostics as JSON), per URI. */
  private readonly said = new Map<string, string[]>();
  private readonly waiters = new Set<Waiter>();
  readonly counts = new Map<string, number>();
  private versions = new Map<string, number>();
  /** Each open document's text as last sent. */
  private texts = new Map<string, string>();
  /** Hears each publication as it arrives (its URI and its diagnostics as JSON). */
  onPublish?: (uri: string, diagnostics: string) => void;
  /** Whether the server takes ranged changes (`TextDocumentSyncKind.Incremental`), as VS Code then sends them. */
  private incremental = false;

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  /** Spawns and initializes the server (the `initialized` notification is left to the caller, who times from it). */
  static async start(o: LspStart): Promise<LspClient> {
    const proc = spawn(o.command, o.args, { stdio: o.stdio ?? ['pipe', 'pipe', 'ignore'], env: o.env ?? process.env });
    if (!proc.stdout || !proc.stdin) throw new Error('server pipes are missing');
    const connection = createMessageConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    const c = new LspClient(proc, connection);
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => o.configuration?.(i.section) ?? null),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(o.root).href, name: 'org' }]);
    connection.onUnhandledProgress(() => undefined);
    connection.onNotification((method: string, params: unknown) => {
      c.counts.set(method, (c.counts.get(method) ?? 0) + 1);
      if (method === 'textDocument/publishDiagnostics') {
        const uri = (params as { uri: string }).uri;
        let times = c.published.get(uri);
        if (!times) c.published.set(uri, (times = []));
        times.push(performance.now());
        let lists = c.said.get(uri);
        if (!lists) c.said.set(uri, (lists = []));
        const json = JSON.stringify((params as { diagnostics: unknown }).diagnostics);
        lists.push(json);
        c.onPublish?.(uri, json);
      }
      for (const w of c.waiters) if (w.check()) c.waiters.delete(w);
    });
    connection.listen();
    const rootUri = pathToFileURL(o.root).href;
    const init: { capabilities?: { textDocumentSync?: number | { change?: number } } } = await connection.sendRequest(
      'initialize',
      {
        processId: process.pid,
        rootUri,
        rootPath: o.root,
        workspaceFolders: [{ uri: rootUri, name: 'org' }],
        initializationOptions: o.initializationOptions,
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
          },
          window: { workDoneProgress: true },
          textDocument: {
            synchronization: { didSave: true, dynamicRegistration: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: false },
          },
        },
      },
    );
    const sync = init.capabilities?.textDocumentSync;
    c.incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    return c;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves once `probe` holds, re-checked after every notification; rejects after `timeoutMs`. */
  waitFor(what: string, probe: () => boolean, timeoutMs = 600_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const w: Waiter = {
        check: () => {
          if (!probe()) return false;
          clearTimeout(timer);
          resolve();
          return true;
        },
      };
      if (!w.check()) this.waiters.add(w);
    });
  }

  /** Time (performance.now()) of the first publication for `uri` after `after`. */
  async publishedAfter(uri: string, after: number, timeoutMs?: number): Promise<number> {
    const first = (): number | undefined => this.published.get(uri)?.find((t) => t > after);
    await this.waitFor(`diagnostics of ${uri}`, () => first() !== undefined, timeoutMs);
    return first() as number;
  }

  /** Drops the publications seen so far (a long soak would otherwise keep every one). */
  forgetPublications(): void {
    this.published.clear();
    this.said.clear();
  }

  /** Files published at least once. */
  publishedFiles(): number {
    return this.published.size;
  }

  /** When a URI's diagnostics became what they are now (the first of the last run of equal publications). */
  settledAt(uri: string): number | undefined {
    const times = this.published.get(uri) ?? [];
    const lists = this.said.get(uri) ?? [];
    let i = lists.length - 1;
    while (i > 0 && lists[i - 1] === lists[lists.length - 1]) i--;
    return times[i];
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /**
   * Sends the document's new text as VS Code does: the changed range and its new text when the server
   * takes ranged changes, else the full text. Resolves with the time it was sent.
   */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const before = this.texts.get(uri);
    this.texts.set(uri, text);
    const change = this.incremental && before !== undefined ? rangedChange(before, text) : { text };
    const t = performance.now();
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return t;
  }

  /** Resident memory (MB) of the server and every process it started. */
  rssMb(): number {
    return processTree(this.proc.pid ?? -1).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
  }

  /** Shuts the server down and resolves once it has exited (and been reaped: its CPU time is then its parent's, see otherWork.ts). */
  async stop(): Promise<void> {
    const exited =
      this.proc.exitCode !== null || this.proc.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((r) => {
            this.proc.once('exit', () => r());
          });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.notify('exit', undefined);
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
}

/** Resident memory (KB) of one process; 0 once it is gone. */
export function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** `pid` and its descendants, from /proc (Linux; elsewhere just `pid`). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(d), ppid);
      } catch {
        /* gone */
      }
    }
  } catch {
    return [pid];
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, parent] of parents) if (parent === out[i]) out.push(child);
  return out;
}

/**
 * The edit from `before` to `after` as one ranged change: the text between their common start and end.
 * Full text when a text holds a `\r` (the common start or end could fall inside a `\r\n`, which no
 * position names).
 */
export function rangedChange(before: string, after: string): { text: string } | { range: Range; text: string } {
  if (before.includes('\r') || after.includes('\r')) return { text: after };
  let [start, tail] = commonEnds(before, after);
  // Never split a surrogate pair (positions count UTF-16 units, but a pair is one character to a server).
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  if (tail > 0 && isLow(before.charCodeAt(before.length - tail))) tail--;
  const doc = TextDocument.create('', '', 0, before);
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - tail) },
    text: after.slice(start, after.length - tail),
  };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
