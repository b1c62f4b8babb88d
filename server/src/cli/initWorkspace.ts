// `registry-lens init-workspace ID`: the engine lays out the new developer workspace (template or
// copy), the host writes what does not exist yet, and this prints what was created and what was kept.
import type { RegistryEngine } from '../engine/engine';
import { readWorkspacePackage, writeScaffold } from '../host/writeScaffold';
import type { Command } from './parseCommand';

type InitCommand = Extract<Command, { kind: 'init-workspace' }>;

export async function initWorkspace(engine: RegistryEngine, root: string, cmd: InitCommand): Promise<{ output: string; exitCode: number }> {
  let copyFrom: { id: string; files: { path: string; text: string }[] } | undefined;
  if (cmd.copyFrom !== undefined) {
    const dir = engine.workspaceDir(cmd.copyFrom);
    if (dir === null) return { output: `No workspace '${cmd.copyFrom}' to copy from (known: ${engine.contexts().slice(1).map((c) => c.id).join(', ') || 'none'})\n`, exitCode: 1 };
    copyFrom = { id: cmd.copyFrom, files: await readWorkspacePackage(root, dir) };
  }
  const scaffold = engine.scaffoldWorkspace({ id: cmd.id, template: cmd.template, ...(cmd.layout ? { layout: cmd.layout } : {}), ...(copyFrom ? { copyFrom } : {}) });
  if ('error' in scaffold) return { output: `${scaffold.error}\n`, exitCode: 1 };
  const written = await writeScaffold(root, scaffold);
  if ('refused' in written) return { output: `Workspace '${cmd.id}' in ${scaffold.dir}: ${written.refused}\n`, exitCode: 1 };
  const { created, kept } = written;
  const lines = [
    `Workspace '${cmd.id}' in ${scaffold.dir} (${copyFrom ? `copy of ${copyFrom.id}` : `${cmd.template} template`}, ${cmd.layout ?? engine.workspaceLayout()} layout)`,
    ...created.map((f) => `  created ${f}`),
    ...kept.map((f) => `  kept    ${f} (exists; not overwritten)`),
    ...(copyFrom === undefined && cmd.template !== 'minimal' ? [`Next: write its steps' components under ${scaffold.dir}/src/cursus_dev/steps/ (check reports them missing until then)`] : []),
    `Check it: registry-lens check ${root === process.cwd() ? '.' : root}`,
  ];
  return { output: `${lines.join('\n')}\n`, exitCode: 0 };
}
