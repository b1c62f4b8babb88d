// Stands between stdin and the SDK's stdio transport, which drops a line that is not a JSON-RPC
// message without a word (a client waiting on its id would wait forever) and closes itself on a
// message over its buffer limit. Here every line is judged first: not JSON is answered -32700, JSON
// that is no JSON-RPC message -32600 (with its id when it has one), a line over MAX_LINE bytes is
// dropped as it streams (never buffered whole) and answered -32600 — with its id when its first or
// last bytes hold it (the SDK's clients write the id last), so the client does not wait out its
// timeout. A request of a method the SDK knows whose params its schema refuses (`"arguments": null`) is
// answered -32602 with the offending fields named (the SDK would answer -32603 with its raw validation
// dump); the rest passes on unchanged.
import { PassThrough, type Readable } from 'node:stream';
import { ClientRequestSchema, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';

/** Below the SDK's own 10 MB buffer limit, so the transport never meets a line it would close on. */
export const MAX_LINE = 8 * 1024 * 1024;

export interface InputError {
  id?: string | number;
  code: number;
  message: string;
}

/** The SDK's schema of each request a client may send, by method. */
const REQUESTS = new Map<string, (typeof ClientRequestSchema.options)[number]>(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value, schema]),
);

/** Why the SDK would refuse the params of a request it knows, in a sentence; null when it would take them. */
function paramsError(message: unknown): string | null {
  const method = (message as { method?: unknown }).method;
  const schema = typeof method === 'string' ? REQUESTS.get(method) : undefined;
  const parsed = schema?.safeParse(message);
  if (parsed === undefined || parsed.success) return null;
  const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'the request'}: ${i.message}`);
  const hint = method === 'tools/call' ? " (a tool's arguments are an object: {} for none)" : '';
  return `Invalid params of ${String(method)}: ${issues.join('; ')}${hint}`;
}

/** Bytes kept of each end of a line being dropped, to find its id in. */
const KEPT = 4096;
const ID = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/;

/**
 * The id of an oversized request from its first and last bytes, when it is a top-level member: among
 * the members before the first nested object (`{"jsonrpc":"2.0","id":1,"method":…`), or the last
 * member (`…"params":{…},"jsonrpc":"2.0","id":1}`, as the SDK writes it).
 */
export function recoverId(head: string, tail: string): string | number | undefined {
  const nested = head.indexOf('{', head.indexOf('{') + 1);
  const before = nested === -1 ? head : head.slice(0, nested);
  const end = tail.trimEnd();
  const after = end.endsWith('}') ? end.slice(end.lastIndexOf('}', end.length - 2) + 1, -1) : '';
  for (const members of [before, after]) {
    const m = ID.exec(members)?.[1];
    if (m !== undefined) {
      try {
        const id = JSON.parse(m) as unknown;
        if (typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id))) return id;
      } catch {
        // not a JSON value after all: no id
      }
    }
  }
  return undefined;
}

export function guardInput(input: Readable, reply: (error: InputError) => void): PassThrough {
  const out = new PassThrough();
  let parts: Buffer[] = [];
  let size = 0;
  let dropping = false;
  let head = '';
  let tail = Buffer.alloc(0);
  const drop = (): void => {
    const id = recoverId(head, tail.toString('utf8'));
    reply({
      ...(id === undefined ? {} : { id }),
      code: -32600,
      message: `Invalid Request: a message over ${MAX_LINE / (1024 * 1024)} MB was dropped`,
    });
  };
  const keepTail = (piece: Buffer): void => {
    tail =
      piece.length >= KEPT
        ? Buffer.from(piece.subarray(piece.length - KEPT))
        : Buffer.concat([tail, piece]).subarray(-KEPT);
  };
  const judge = (bytes: Buffer): void => {
    const text = bytes.toString('utf8').replace(/\r$/, '');
    if (text.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (e) {
      reply({
        code: -32700,
        message: `Parse error: the line is not JSON (${e instanceof Error ? e.message : String(e)})`,
      });
      return;
    }
    if (!JSONRPCMessageSchema.safeParse(message).success) {
      const id =
        typeof message === 'object' && message !== null && 'id' in message
          ? (message as { id: unknown }).id
          : undefined;
      reply({
        ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
        code: -32600,
        message:
          'Invalid Request: expected one JSON-RPC 2.0 object per line ' +
          '({"jsonrpc": "2.0", "id": …, "method": …, "params": {…}})',
      });
      return;
    }
    const id = (message as { id?: unknown }).id;
    const invalid = paramsError(message);
    if (invalid !== null && (typeof id === 'string' || typeof id === 'number')) {
      reply({ id, code: -32602, message: invalid });
      return;
    }
    out.write(`${text}\n`);
  };
  input.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (dropping || size + piece.length > MAX_LINE) {
        if (!dropping) head = Buffer.concat([...parts, piece], Math.min(KEPT, size + piece.length)).toString('utf8');
        keepTail(piece);
        drop();
      } else judge(parts.length === 0 ? piece : Buffer.concat([...parts, piece]));
      parts = [];
      size = 0;
      dropping = false;
      tail = Buffer.alloc(0);
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0) return;
    if (dropping) {
      keepTail(rest);
      return;
    }
    if (size + rest.length > MAX_LINE) {
      head = Buffer.concat([...parts, rest], Math.min(KEPT, size + rest.length)).toString('utf8');
      keepTail(rest);
      dropping = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(rest);
    size += rest.length;
    keepTail(rest);
  });
  input.on('end', () => out.end());
  input.on('error', (e) => out.destroy(e));
  return out;
}
