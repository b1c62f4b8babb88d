// Writes a new developer workspace (the engine's scaffold) to disk for the CLI and the language
// server alike, never over an existing file; and reads the files of a workspace to copy from.
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Scaffold } from '../engine/families/cursus/workspaceTemplates';
import { readText } from './readText';

export interface WriteResult { created: string[]; kept: string[] }

/** Creates the directories and the files that do not exist yet (root-relative paths in the result). */
export async function writeScaffold(root: string, s: Scaffold): Promise<WriteResult> {
  const out: WriteResult = { created: [], kept: [] };
  for (const d of s.dirs) await fs.mkdir(join(root, d), { recursive: true });
  for (const f of s.files) {
    const abs = join(root, f.file);
    await fs.mkdir(join(abs, '..'), { recursive: true });
    try {
      await fs.writeFile(abs, f.text, { flag: 'wx' });
      out.created.push(f.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      out.kept.push(f.file);
    }
  }
  return out;
}

/** Text files under `<root>/<wsDir>/src/cursus_dev`, relative to that directory (caches skipped). */
export async function readWorkspacePackage(root: string, wsDir: string): Promise<{ path: string; text: string }[]> {
  const base = join(root, wsDir, 'src', 'cursus_dev');
  const out: { path: string; text: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '__pycache__' || e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) {
        const read = readText(abs);
        if (read !== null && 'text' in read) out.push({ path: relative(base, abs).split(sep).join('/'), text: read.text });
      }
    }
  };
  await walk(base);
  return out;
}
