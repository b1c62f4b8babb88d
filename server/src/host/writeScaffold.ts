// Writes a new developer workspace (the engine's scaffold) to disk for the CLI and the language
// server alike, never over an existing file and never outside the root: every directory and file is
// resolved under the one containment rule before anything is written, and one refusal refuses all.
// Also reads the files of a workspace to copy from, under the walk's rule.
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  WORKSPACE_PATHS,
  type RegistryEngine,
  type Scaffold,
  type WorkspaceLayout,
  type WorkspaceTemplateName,
} from '../engine/engine';
import { resolveInRoot } from './containment';
import { readText } from './readText';

export type WriteResult = { created: string[]; kept: string[] } | { refused: string };

export interface InitOptions {
  id: string;
  template: WorkspaceTemplateName;
  layout?: WorkspaceLayout | undefined;
  copyFrom?: string | undefined;
}
export type InitResult =
  | { error: string }
  | { dir: string; layout: WorkspaceLayout; copiedFrom: string | null; created: string[]; kept: string[] };

/**
 * cursus's init-workspace for every front end: the engine lays out workspace `id` (a template, or a
 * copy of another workspace), then it is written as writeScaffold writes.
 */
export async function initWorkspace(engine: RegistryEngine, root: string, o: InitOptions): Promise<InitResult> {
  let copyFrom: { id: string; files: { path: string; text: string }[] } | undefined;
  if (o.copyFrom !== undefined) {
    const dir = engine.workspaceDir(o.copyFrom);
    const known =
      engine
        .contexts()
        .slice(1)
        .map((c) => c.id)
        .join(', ') || 'none';
    if (dir === null) return { error: `No workspace '${o.copyFrom}' to copy from (known: ${known})` };
    copyFrom = { id: o.copyFrom, files: await readWorkspacePackage(root, dir) };
  }
  const scaffold = engine.scaffoldWorkspace({
    id: o.id,
    template: o.template,
    ...(o.layout ? { layout: o.layout } : {}),
    ...(copyFrom ? { copyFrom } : {}),
  });
  if ('error' in scaffold) return { error: scaffold.error };
  const written = await writeScaffold(root, scaffold);
  if ('refused' in written) return { error: `Workspace '${o.id}' in ${scaffold.dir}: ${written.refused}` };
  return {
    dir: scaffold.dir,
    layout: o.layout ?? engine.workspaceLayout(),
    copiedFrom: copyFrom?.id ?? null,
    ...written,
  };
}

/**
 * Creates the directories and the files that do not exist yet (root-relative paths in the result), or nothing when a
 * path would leave the root.
 */
export async function writeScaffold(root: string, s: Scaffold): Promise<WriteResult> {
  const abs: string[] = [];
  // The workspace's own directory first, so a refusal names the link on its way when there is one.
  for (const p of [s.dir, ...s.dirs, ...s.files.map((f) => f.file)]) {
    const tooLong = nameTooLong(p);
    if (tooLong !== null) return { refused: `nothing written: ${tooLong}` };
    const at = resolveInRoot(root, p, 'create');
    if ('refused' in at) return { refused: `nothing written: ${at.refused}` };
    abs.push(at.abs);
  }
  const dirs = abs.slice(1, 1 + s.dirs.length);
  const files = s.files.map((f, i) => ({ abs: abs[1 + s.dirs.length + i] as string, rel: f.file, text: f.text }));
  const out = { created: [] as string[], kept: [] as string[] };
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  for (const f of files) {
    await fs.mkdir(join(f.abs, '..'), { recursive: true });
    try {
      await fs.writeFile(f.abs, f.text, { flag: 'wx' });
      out.created.push(f.rel);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      out.kept.push(f.rel);
    }
  }
  return out;
}

/** Linux's and macOS's limit of a file name (NAME_MAX), in bytes. */
const NAME_MAX_BYTES = 255;

/** Why the file system would refuse a name of this path (ENAMETOOLONG), or null. */
function nameTooLong(p: string): string | null {
  for (const name of p.split('/')) {
    const bytes = Buffer.byteLength(name);
    if (bytes > NAME_MAX_BYTES) {
      const shown = JSON.stringify(`${name.slice(0, 40)}…`);
      return `the name ${shown} is ${bytes} bytes long; a file name may have at most ${NAME_MAX_BYTES}`;
    }
  }
  return null;
}

/**
 * Text files of the code of the workspace at `wsDir` (`WORKSPACE_PATHS.code`), relative to that directory (caches
 * skipped; nothing when it resolves outside the root).
 */
export async function readWorkspacePackage(root: string, wsDir: string): Promise<{ path: string; text: string }[]> {
  const at = resolveInRoot(root, `${wsDir}/${WORKSPACE_PATHS.code}`, 'read');
  if ('refused' in at) return [];
  const base = at.abs;
  const out: { path: string; text: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '__pycache__' || e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      // Links are not followed (a Dirent of a link is neither a directory nor a file): the walk's rule.
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) {
        const read = readText(abs);
        if (read !== null && 'text' in read)
          out.push({ path: relative(base, abs).split(sep).join('/'), text: read.text });
      }
    }
  };
  await walk(base);
  return out;
}
