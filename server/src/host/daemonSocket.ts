// Where the check daemon of a root listens (`registry-lens daemon`, `check --daemon`): one socket per user, root,
// Python environment (host/pythonEnv.ts: what the analysis may read of it follows it) and engine build, in a
// folder only that user may enter (host/privateFolder.ts), so no other user can ask it anything and a rebuilt
// engine never answers for an older one (the older daemon idles out). On Windows a named pipe, which is the user's
// by default.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { engineIdentity } from './checkCache';
import { privateFolder } from './privateFolder';

/** Unix socket paths longer than this fail to bind on Linux (`sun_path`: 108 bytes with its NUL) and macOS (104). */
const MAX_SOCKET_PATH = 100;

/**
 * The socket of a root's daemon with the Python environment `environment` (its folder; null: none) for this build
 * (`version` and the running bundle: `engineIdentity`), or why there can be none (a message for the user).
 */
export function daemonSocket(
  dir: string,
  version: string,
  environment: string | null,
): { path: string } | { error: string } {
  const engine = engineIdentity(version);
  if (engine === null) return { error: 'the running build cannot be identified' };
  const name = createHash('sha256')
    .update(`${dir}\0${environment ?? ''}\0${engine}`)
    .digest('hex')
    .slice(0, 20);
  if (process.platform === 'win32') return { path: `\\\\.\\pipe\\registry-lens-${name}` };
  const folder = privateFolder();
  if ('error' in folder) return folder;
  const path = join(folder.path, `${name}.sock`);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return { error: `the socket path ${path} is too long` };
  return { path };
}
