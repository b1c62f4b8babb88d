// The command-line help text and the error type for bad invocations (exit code 2), kept apart from
// argument parsing so every command reports usage problems the same way.
export const USAGE = `Usage: registry-lens <command> [options] [ROOT]

ROOT is the folder to analyse (default: the working directory); every command also takes it as --root ROOT.

Commands:
  check [ROOT]                Analyse every registry under ROOT and print the diagnostics
      --format text|json|sarif        output format (default: text)
      --mode isolated|hybrid          resolution mode (default: setting, else isolated)
      --fail-on error|warning|never   exit 1 when a diagnostic at or above this severity exists (default: error)
      --files F...                    report only the diagnostics of files F (and those they cause elsewhere);
                                      the whole root is analysed, ROOT given as --root (pre-commit)
      --base REV                      with --files: elsewhere, only what the files' change since git REV brings
      --report-unused-suppressions    report suppression comments that suppress nothing (RL033; the editor always does)
      --output FILE                   write the document to FILE (its folder created) once the check ran, not to stdout
      --cache                         reuse the last result when nothing it read changed (not with --files)
      --cache-location DIR            the cache's folder (default: the user's cache folder, ~/.cache/registry-lens;
                                      a file not signed with the user's key there is ignored)
      --daemon                        ask ROOT's daemon, which keeps ROOT analysed between checks (started when none
                                      runs; it exits after 15 idle minutes): a check after an edit costs what it reaches
      --python-env DIR                the project's Python environment (a venv or conda prefix, or a site-packages
                                      folder); default: $VIRTUAL_ENV, else $CONDA_PREFIX, else ROOT/.venv, venv, env
  daemon [ROOT]               Keep ROOT analysed for 'check --daemon' (in the foreground; check --daemon starts one)
      --idle MINUTES                  exit after this long without a check (default: 15)
      --load-after-stdin              load ROOT once stdin closes or a check asks (as check --daemon starts it)
      --stop                          stop ROOT's daemon
      --status                        whether one runs (exit 1: none): its pid, whether its analysis is done, the
                                      checks it answered, how long it has run
      --python-env DIR                as check's (a daemon serves one root with one environment)
  explain STEP [ROOT]         Explain how STEP resolves in a context
      --workspace ID  --mode isolated|hybrid  --framework F  --env a,b  --format text|json  --python-env DIR
  list [ROOT]                 List the steps visible in a context
      --workspace ID  --mode isolated|hybrid  --conflicts-only  --format table|json  --python-env DIR
  graph [ROOT]                Print the dependency graph of a context, cycles marked
      --workspace ID  --mode isolated|hybrid  --format dot|mermaid|json (default: dot)  --python-env DIR
  init-workspace ID [ROOT]    Create developer workspace ID as cursus's init-workspace does (never over a file)
      --template minimal|standard|advanced (default: standard)  --copy-from ID
      --layout builders|interfaces    cursus 1.x (builders) or 2.x (interface files); default: as core
      --python-env DIR                as check's (explain, list and graph take it too)
  mcp [ROOT]                  Serve ROOT to AI agents as a Model Context Protocol server over stdio
      tools: check, explain, list, graph, locate, fixes; with --allow-writes also apply_fix, apply_fixes,
      init_workspace (see docs/mcp.md). Read-only by default: no tool writes.
      --allow-writes                  list the tools that write (apply_fix, apply_fixes, init_workspace)
      --read-only                     the default, said explicitly (no tool that writes is listed)
      --allow-unproposed-fixes        with --allow-writes: apply_fix also takes a fix the caller wrote
      --cache  --cache-location DIR   as check's: a whole-root 'check' call before the root is loaded is answered
                                      from check's cache when nothing it read changed; the load then follows
      --python-env DIR                as check's

Without --workspace the context is core.
Options: --help, --version; -- ends the options (what follows is ROOT or check --files' files, even if it starts with -)
Exit codes: 0 success
            1 findings (check: a diagnostic at or above --fail-on; explain: step not found; init-workspace: refused)
            2 usage or internal error
            3 check: no registry found under ROOT, nothing failed (whatever --fail-on says)
`;

export class UsageError extends Error {
  /** Print the whole usage after the message (no command at all, or not a command), not just a pointer to --help. */
  readonly showUsage: boolean;

  constructor(message: string, opts: { showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = opts.showUsage ?? false;
  }
}
