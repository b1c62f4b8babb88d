// MCP clients for the tests, over the stdio of `node dist/cli.js mcp --root <root>`: one that owes
// nothing to the SDK (JSON-RPC 2.0 written by hand, one JSON object per line; it matches responses to
// requests by id, keeps id-less error responses — what the server says about garbage — and lets a
// test write raw bytes to stdin), and the official SDK's client, which validates every answer against
// the advertised output schema as agents do. Waits end on messages or on the process exiting, never on a clock.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export interface RpcError {
  code: number;
  message: string;
}
export interface RpcResponse {
  jsonrpc: '2.0';
  id?: number | string;
  result?: Record<string, unknown>;
  error?: RpcError;
}
export interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export class McpTestClient {
  /** Responses that carry no id (errors about lines the server could not take as a request). */
  readonly orphans: RpcResponse[] = [];
  private readonly pending = new Map<number | string, (r: RpcResponse) => void>();
  private orphanWaiters: (() => void)[] = [];
  private nextId = 1;
  private buffer = '';
  stderr = '';
  exited: number | null | undefined = undefined;
  private exitWaiters: (() => void)[] = [];

  private constructor(
    readonly root: string,
    private readonly proc: ChildProcess,
  ) {
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => this.receive(chunk));
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    proc.on('exit', (code) => {
      this.exited = code;
      for (const w of this.exitWaiters.splice(0)) w();
      for (const [id, resolve] of this.pending)
        resolve({
          jsonrpc: '2.0',
          id,
          error: { code: 0, message: `server exited (${String(code)}) before answering` },
        });
      this.pending.clear();
    });
  }

  /** Copies `fixture` (a directory) to a fresh temporary root and starts the server on it. */
  static startOnCopy(
    fixture: string,
    args: (root: string) => string[] = (root) => ['mcp', '--root', root],
  ): McpTestClient {
    const root = mkdtempSync(path.join(tmpdir(), 'registry-lens-mcp-'));
    cpSync(fixture, root, { recursive: true });
    return McpTestClient.start(root, args(root));
  }

  /** `cli`: the bundle to run (the build's by default). */
  static start(root: string, args: string[], cli = CLI): McpTestClient {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
    return new McpTestClient(root, spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** initialize, then the initialized notification: the handshake every MCP session starts with. */
  async handshake(): Promise<Record<string, unknown>> {
    const r = await this.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'registry-lens-test', version: '0' },
    });
    if (!r.result) throw new Error(`initialize failed: ${JSON.stringify(r.error)}`);
    this.notify('notifications/initialized', {});
    return r.result;
  }

  request(method: string, params?: unknown): Promise<RpcResponse> {
    const id = this.nextId++;
    const answered = new Promise<RpcResponse>((resolve) => this.pending.set(id, resolve));
    this.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) })}\n`);
    return answered;
  }

  notify(method: string, params?: unknown): void {
    this.write(`${JSON.stringify({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) })}\n`);
  }

  /** tools/call; the result, or the JSON-RPC error as a thrown Error. */
  async call(name: string, args?: unknown): Promise<ToolResult> {
    const r = await this.request('tools/call', { name, ...(args === undefined ? {} : { arguments: args }) });
    if (r.error) throw new Error(`tools/call ${name}: JSON-RPC error ${r.error.code} ${r.error.message}`);
    return r.result as unknown as ToolResult;
  }

  /** A request by a chosen id (e.g. one the server must echo in an error). */
  awaitId(id: number | string): Promise<RpcResponse> {
    return new Promise<RpcResponse>((resolve) => this.pending.set(id, resolve));
  }

  write(raw: string | Buffer): void {
    this.proc.stdin?.write(raw);
  }

  /** Resolves once `count` id-less responses have arrived. */
  async orphansReach(count: number): Promise<RpcResponse[]> {
    while (this.orphans.length < count && this.exited === undefined)
      await new Promise<void>((resolve) => this.orphanWaiters.push(resolve));
    return this.orphans;
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Closes stdin (the MCP way to end a stdio session) and waits for the exit code. */
  async close(): Promise<number | null> {
    this.proc.stdin?.end();
    if (this.exited === undefined) await new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    return this.exited ?? null;
  }

  async dispose(): Promise<void> {
    if (this.exited === undefined) {
      const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
      this.proc.kill();
      await exited;
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let nl = this.buffer.indexOf('\n'); nl !== -1; nl = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line.trim() === '') continue;
      const message = JSON.parse(line) as RpcResponse & { method?: string };
      if (message.method !== undefined) continue; // a notification or a request from the server: none expected
      const resolve = message.id === undefined ? undefined : this.pending.get(message.id);
      if (resolve && message.id !== undefined) {
        this.pending.delete(message.id);
        resolve(message);
      } else {
        this.orphans.push(message);
        for (const w of this.orphanWaiters.splice(0)) w();
      }
    }
  }
}

/**
 * The official SDK's client over stdio on `node dist/cli.js <args>`, connected and with the tools
 * listed, so that every `callTool` validates structured content against the advertised output schema
 * (the SDK throws -32602 when it does not match), as every SDK-based agent does.
 */
/** `cli`: another copy of the bundle. */
export async function sdkClient(args: string[], cli = CLI): Promise<Client> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  const client = new Client({ name: 'registry-lens-test', version: '0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, ...args], stderr: 'ignore' }));
  await client.listTools();
  return client;
}

/** The SDK client on a server started on a fresh copy of `fixture`, with `flags` after `--root`; dispose ends it and removes the copy. */
export async function sdkOnCopy(
  fixture: string,
  flags: string[] = [],
): Promise<{ client: Client; root: string; dispose: () => Promise<void> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'registry-lens-mcp-'));
  cpSync(fixture, root, { recursive: true });
  const client = await sdkClient(['mcp', '--root', root, ...flags]);
  return {
    client,
    root,
    dispose: async () => {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
