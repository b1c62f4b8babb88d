// The command-line help text and the error type for bad invocations (exit code 2), kept apart from
// argument parsing so every command reports usage problems the same way.
export const USAGE = `Usage: registry-lens <command> [options]

Commands:
  check [ROOT]       Analyse every registry under ROOT (default: .) and print the diagnostics
      --format text|json|sarif        output format (default: text)
      --mode isolated|hybrid          resolution mode (default: setting, else isolated)
      --fail-on error|warning|never   exit 1 when a diagnostic at or above this severity exists (default: error)
  explain STEP       Explain how STEP resolves in a context
      --root ROOT  --workspace ID  --mode isolated|hybrid  --framework F  --env a,b  --format text|json
  list               List the steps visible in a context
      --root ROOT  --workspace ID  --mode isolated|hybrid  --conflicts-only  --format table|json
  graph              Print the dependency graph of a context, cycles marked
      --root ROOT  --workspace ID  --mode isolated|hybrid  --format dot|mermaid|json (default: dot)
  init-workspace ID  Create developer workspace ID as cursus's init-workspace does (never over a file)
      --root ROOT  --template minimal|standard|advanced (default: standard)  --copy-from ID
      --layout builders|interfaces    cursus 1.x (builders) or 2.x (interface files); default: as core
  mcp [ROOT]         Serve ROOT (default: .; or --root ROOT) to AI agents as an MCP server over stdio
                     (tools: check, explain, list, graph, locate, fixes, apply_fix; see docs/mcp.md)

Without --workspace the context is core.
Options: --help, --version
Exit codes: 0 success, 1 findings (check: diagnostics at or above --fail-on; explain: step not found),
            2 usage or internal error.
`;

export class UsageError extends Error {}
