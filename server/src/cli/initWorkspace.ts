// `registry-lens init-workspace ID`: the host lays out and writes the new developer workspace
// (host/writeScaffold.ts, shared with the MCP server), and this prints what was created and what was kept.
import { WORKSPACE_PATHS, type RegistryEngine } from '../engine/engine';
import { initWorkspace as writeWorkspace } from '../host/writeScaffold';
import type { Command } from './parseCommand';

type InitCommand = Extract<Command, { kind: 'init-workspace' }>;

export async function initWorkspace(
  engine: RegistryEngine,
  root: string,
  cmd: InitCommand,
): Promise<{ output: string; exitCode: number }> {
  const r = await writeWorkspace(engine, root, cmd);
  if ('error' in r) return { output: `${r.error}\n`, exitCode: 1 };
  const lines = [
    `Workspace '${cmd.id}' in ${r.dir} ` +
      `(${r.copiedFrom !== null ? `copy of ${r.copiedFrom}` : `${cmd.template} template`}, ${r.layout} layout)`,
    ...r.created.map((f) => `  created ${f}`),
    ...r.kept.map((f) => `  kept    ${f} (exists; not overwritten)`),
    ...(r.copiedFrom === null && cmd.template !== 'minimal'
      ? [
          `Next: write its steps' components under ${r.dir}/${WORKSPACE_PATHS.components}/ ` +
            '(check reports them missing until then)',
        ]
      : []),
    `Check it: registry-lens check ${root === process.cwd() ? '.' : root}`,
  ];
  return { output: `${lines.join('\n')}\n`, exitCode: 0 };
}
