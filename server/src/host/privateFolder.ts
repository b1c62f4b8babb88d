// A folder only this user may enter (`registry-lens-<uid>` in the system's temporary folder, mode 0700, checked to be
// theirs and no link): what must not be reached or planted by others — the check daemon's sockets, the locks of the
// MCP server's writes — lives there, never in a repository.
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The user's private folder, made when missing, or why there can be none (a message for the user). */
export function privateFolder(): { path: string } | { error: string } {
  // Windows: the temporary folder is the user's own already (and has no POSIX modes to check).
  if (process.platform === 'win32') return made(join(tmpdir(), 'registry-lens'));
  const uid = process.getuid?.() ?? 0;
  const folder = join(tmpdir(), `registry-lens-${uid}`);
  const r = made(folder);
  if ('error' in r) return r;
  let st;
  try {
    st = lstatSync(folder);
  } catch (e) {
    return { error: `cannot read ${folder}: ${String(e)}` };
  }
  // Another user's folder, a link, or one others may enter would let them answer, listen or hold locks in our place.
  if (st.isSymbolicLink()) return { error: `${folder} is a symbolic link, not a folder only this user may enter` };
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0)
    return { error: `${folder} is not a folder only this user may enter` };
  return { path: folder };
}

function made(folder: string): { path: string } | { error: string } {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { error: `cannot make ${folder}: ${String(e)}` };
  }
  return { path: folder };
}
