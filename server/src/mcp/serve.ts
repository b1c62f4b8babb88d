// `registry-lens mcp`: the Model Context Protocol server over stdio, a third front end on the same
// engine and host as the CLI and the language server (built on the official SDK's McpServer and
// stdio transport). stdout carries protocol messages only; warnings go to stderr. It answers until
// stdin ends, reading and writing nothing outside the root, and runs no workspace code.
import { frameworkFacts } from '../host/frameworkReport';
import { findEnvironment, type PythonEnvironment } from '../host/pythonEnv';
import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { cacheSpec, ResultCache } from '../host/checkCache';
import { isDirectory, OFF_UNLESS_ASKED } from '../host/openRoot';
import { FixProposals } from './fixProposals';
import { guardInput } from './inputGuard';
import { LiveRoot } from '../host/liveRoot';
import type { ServeOptions, ToolContext } from './toolContext';
import { registerApplyFix } from './tools/applyFix';
import { registerApplyFixes } from './tools/applyFixes';
import { registerCheck } from './tools/check';
import { registerExplain } from './tools/explain';
import { registerFixes } from './tools/fixes';
import { registerInitWorkspace } from './tools/initWorkspace';
import { registerGraph } from './tools/graph';
import { registerList } from './tools/list';
import { registerLocate } from './tools/locate';

const ABOUT =
  'Registry Lens analyses ML-pipeline step registries (cursus STEP_NAMES and developer workspaces, apcore modules, ' +
  'ONEX artifacts) statically: it never runs project code. Every call sees the files as they are on disk at that ' +
  'moment.\n' +
  "Typical use: 'check' after editing a registry (optionally filtered to the paths you touched), 'explain' or " +
  "'locate' before adding or renaming a step, 'list' to see the names and workspaces that exist, 'graph' for " +
  'dependency cycles, ';
const PATHS = 'Paths are relative to the root; ranges are 0-based.';
/** The instructions name only the tools the session lists. */
const INSTRUCTIONS_WRITES =
  `${ABOUT}'fixes' then 'apply_fix' to repair a diagnostic, 'apply_fixes' to repair every certain one of a file, ` +
  `'init_workspace' to create a developer workspace. ${PATHS}`;
const INSTRUCTIONS_READ_ONLY =
  `${ABOUT}'fixes' to see the edits that would repair a diagnostic. ${PATHS}\n` +
  'This server is read-only (started without --allow-writes): no tool writes; a person applies the edits.';

/** Tools that only read, and those that write (listed only with --allow-writes). */
const READERS = [registerCheck, registerExplain, registerList, registerGraph, registerLocate, registerFixes];
const WRITERS = [registerApplyFix, registerApplyFixes, registerInitWorkspace];

/** Serves the root until stdin ends; the exit code (2: the root is not a directory). */
export async function serveMcp(
  rootArg: string,
  version: string,
  warn: (message: string) => void,
  options: ServeOptions,
): Promise<number> {
  const dir = resolve(rootArg);
  if (!isDirectory(dir)) {
    warn(`${rootArg}: not a directory`);
    return 2;
  }
  const env = findEnvironment(dir, options.pythonEnv, process.env);
  if (env !== null && 'error' in env) {
    warn(`--python-env: ${env.error}`);
    return 2;
  }
  const cache = resultCache(dir, version, warn, options, env);
  const context: ToolContext = {
    root: new LiveRoot(dir, warn, cache?.results, env),
    fixes: new FixProposals(),
    options,
    // Found and read at each call: an environment made or a package installed meanwhile is what the next check says.
    frameworks: (used) => {
      const now = findEnvironment(dir, options.pythonEnv, process.env);
      return frameworkFacts(dir, now === null || 'error' in now ? null : now, used);
    },
  };
  const server = new McpServer(
    { name: 'registry-lens', version },
    { instructions: options.allowWrites ? INSTRUCTIONS_WRITES : INSTRUCTIONS_READ_ONLY },
  );
  for (const register of options.allowWrites ? [...READERS, ...WRITERS] : READERS) register(server, context);
  const input = guardInput(process.stdin, (e) => {
    void transport.send({
      jsonrpc: '2.0',
      ...(e.id === undefined ? {} : { id: e.id }),
      error: { code: e.code, message: e.message },
    });
  });
  const transport = new StdioServerTransport(input, process.stdout);
  server.server.onerror = (e) => warn(`mcp: ${e.message}`);
  const ended = new Promise<void>((done) => {
    input.once('end', done);
    input.once('close', done);
    // A client that stops reading (closes its end of stdout, or dies) ends the session as a closed stdin does,
    // quietly: a write to the closed pipe fails with EPIPE, which unhandled would crash with a stack trace.
    process.stdout.on('error', () => done());
  });
  // Nor does a closed stderr (the log line) end anything but the log.
  process.stderr.on('error', () => undefined);
  await server.connect(transport);
  const mode = options.allowWrites ? 'writes allowed' : 'read-only';
  warn(`MCP server on ${dir} (stdio, ${mode}${cache ? `, cache in ${cache.folder}` : ''})`);
  // stdin ended: the requests read before the end are answered, then the server closes.
  await ended;
  await turn();
  await context.root.close();
  await turn();
  await server.close();
  // stdin may still be open (the client stopped reading, not writing): nothing more is read from it.
  process.stdin.destroy();
  return 0;
}

/** The result cache `--cache` asks for (the one `check --cache` keeps for the same root), if the build is known. */
function resultCache(
  dir: string,
  version: string,
  warn: (message: string) => void,
  options: ServeOptions,
  environment: PythonEnvironment | null,
): { results: ResultCache; folder: string } | undefined {
  if (options.cache === undefined) return undefined;
  const spec = cacheSpec(dir, options.cache, version, warn);
  if (spec === null) return undefined;
  return { results: new ResultCache(dir, { off: OFF_UNLESS_ASKED, environment }, spec, warn), folder: spec.folder };
}

/** One turn of the event loop: what the SDK does with a message it was handed happens in promise jobs before it. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
