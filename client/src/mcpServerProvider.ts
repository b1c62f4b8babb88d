// Offers the bundled MCP server (`registry-lens mcp --root <folder>`, docs/mcp.md) to VS Code's MCP
// client, one server per local workspace folder, run by the extension host's own Node (the Electron
// binary of desktop VS Code runs as Node with ELECTRON_RUN_AS_NODE). Read-only (the server's default: no
// tool that writes is listed) unless the user setting registryLens.mcp.allowWrites opts in
// (`--allow-writes`), since an agent may approve tools on its own. With registryLens.cache.enabled on, it
// answers its first whole-root check from the cache (`--cache`, in registryLens.cache.location). Only where
// VS Code has the API (1.101+).
import * as vscode from 'vscode';

export const MCP_PROVIDER_ID = 'registryLens.mcp';
const ALLOW_WRITES = 'registryLens.mcp.allowWrites';
const CACHE = 'registryLens.cache';

/** The user's opt-in to writing tools (application scope: no workspace can set it). */
function allowWrites(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(ALLOW_WRITES, false) === true;
}

/** `--cache` when the user keeps results between sessions (machine scope), in the folder they named (absolute). */
function cacheArgs(): string[] {
  const cache = vscode.workspace.getConfiguration(CACHE);
  if (cache.get<boolean>('enabled', false) !== true) return [];
  const location = cache.get<string>('location', '');
  return ['--cache', ...(/^([/\\]|[A-Za-z]:[\\/])/.test(location) ? ['--cache-location', location] : [])];
}

export function registerMcpServerProvider(context: vscode.ExtensionContext): vscode.Disposable[] {
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') return [];
  const changed = new vscode.EventEmitter<void>();
  const cli = context.asAbsolutePath('dist/cli.js');
  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  return [
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(ALLOW_WRITES) || e.affectsConfiguration(CACHE)) changed.fire();
    }),
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () =>
        (vscode.workspace.workspaceFolders ?? [])
          .filter((f) => f.uri.scheme === 'file')
          .map(
            (f) =>
              new vscode.McpStdioServerDefinition(
                `Registry Lens: ${f.name}`,
                process.execPath,
                [cli, 'mcp', '--root', f.uri.fsPath, ...(allowWrites() ? ['--allow-writes'] : []), ...cacheArgs()],
                { ELECTRON_RUN_AS_NODE: '1' },
                // A changed version makes VS Code start the server again, with or without its writing tools or cache.
                [version, ...(allowWrites() ? ['writes'] : []), ...cacheArgs()].join('+'),
              ),
          ),
    }),
  ];
}
