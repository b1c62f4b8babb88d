// A venv's `pyvenv.cfg` as Python reads it, for the folders `site` puts on the path: `key = value` lines split at the
// first `=`, keys lower-cased (`site.py` `venv()`, CPython 3.11 Lib/site.py:517-526). `include-system-site-packages`
// is true unless it says otherwise (site.py:514, :524), and then the base interpreter's site-packages follow the
// venv's (site.py:535-536). `version` (venv, Lib/venv/__init__.py:190) or `version_info` (virtualenv, uv) records
// the interpreter's version, which names `lib/pythonX.Y` (site.py:370-372). The base prefix is `base-prefix` when the
// file gives it (virtualenv), else the first folder from `home` upwards holding the standard library's `os.py`, as
// the interpreter finds its prefix from its own folder.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { readInRoot } from './readText';
import { attempt, isDirectory, isFile } from './probe';

export interface PyvenvConfig {
  /** `X.Y` of the interpreter the venv was made with, when recorded. */
  readonly version?: string;
  /** Whether the base interpreter's site-packages are part of the environment. */
  readonly systemSite: boolean;
  /** `home`: the base interpreter's folder. */
  readonly home?: string;
  /** `base-prefix`, when the file gives it. */
  readonly basePrefix?: string;
}

/** A `pyvenv.cfg` is a few lines; a larger one is not read. */
const MAX_CONFIG_BYTES = 64 * 1024;
/** Folders from `home` upwards looked at for the standard library. */
const MAX_LEVELS = 8;

/** The `pyvenv.cfg` of the environment `real` (a real path), null when it has none (a conda prefix). */
export function readPyvenvConfig(real: string): PyvenvConfig | null {
  const read = readInRoot(real, 'pyvenv.cfg', MAX_CONFIG_BYTES);
  if (read === null || !('text' in read)) return null;
  const values = new Map<string, string>();
  for (const line of read.text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    // The last line of a key wins, as in site.py's loop.
    values.set(key, line.slice(eq + 1).trim());
  }
  const version = /^(\d+)\.(\d+)(?!\d)/.exec(values.get('version') ?? values.get('version_info') ?? '');
  const home = values.get('home');
  const basePrefix = values.get('base-prefix');
  return {
    systemSite: (values.get('include-system-site-packages') ?? 'true').toLowerCase() === 'true',
    ...(version !== null ? { version: `${version[1]}.${version[2]}` } : {}),
    ...(home !== undefined && home !== '' ? { home } : {}),
    ...(basePrefix !== undefined && basePrefix !== '' ? { basePrefix } : {}),
  };
}

/**
 * The real folder of the base interpreter's prefix (`config` of the environment `env`, its version known), null when
 * none is found or it is the environment itself: `base-prefix`, else `home` or the first folder above it holding
 * `lib/pythonX.Y/os.py` (Windows: `Lib/os.py`).
 */
export function basePrefix(config: PyvenvConfig, env: string): string | null {
  const real = (p: string): string | null => attempt(() => realpathSync.native(p));
  const given = config.basePrefix;
  if (given !== undefined && path.isAbsolute(given)) {
    const at = real(given);
    return at !== null && at !== env && isDirectory(at) ? at : null;
  }
  if (config.home === undefined || !path.isAbsolute(config.home) || config.version === undefined) return null;
  const landmarks = [path.join('lib', `python${config.version}`, 'os.py'), path.join('Lib', 'os.py')];
  let dir = config.home;
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (landmarks.some((l) => isFile(path.join(dir, l)))) {
      const at = real(dir);
      return at !== null && at !== env ? at : null;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
