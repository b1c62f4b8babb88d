// What `check --daemon` and the root's daemon say to each other over its socket: one request line of JSON, one
// answer line. The daemon judges every request as untrusted input (a client of another build, or anything the user
// runs against the socket): a line too long, not JSON or not of this shape is answered with an error, never acted on.
import type { ResolutionMode } from '../engine/types';
import type { CheckAnswer } from './checkAnswer';

export type DaemonRequest =
  | {
      kind: 'check';
      mode?: ResolutionMode;
      reportUnusedSuppressions: boolean;
      files?: string[];
      /** The files' texts at `--base REV` (null: before the first commit); absent without `--base`. */
      base?: [string, string | null][] | null;
    }
  | { kind: 'status' }
  | { kind: 'stop' };

/** What `daemon --status` says of a daemon besides its pid. */
export interface DaemonStatus {
  /** The root it serves (absolute). */
  root: string;
  /** Milliseconds since it started listening. */
  uptimeMs: number;
  /** Checks it answered (not counting `--status`): the first check of a root is answered by the one that started it. */
  answered: number;
  /** Its analysis: not begun (it waits for the check that started it to end), under way, or done. */
  analysis: 'waiting' | 'loading' | 'loaded';
  /** It exits after this many minutes without a check. */
  idleMinutes: number;
}

export type DaemonAnswer =
  | { ok: true; pid: number; check?: CheckAnswer; warnings?: string[]; status?: DaemonStatus }
  | { ok: false; pid: number; error: string };

/** A request line may carry the staged files' old texts (`--base`): bounded all the same. */
export const MAX_LINE = 256 * 1024 * 1024;

const MODES: readonly string[] = ['isolated', 'hybrid'];

/**
 * A root-relative path as `check --files` makes them: not absolute, `/`-separated. It may lead out of the root (a
 * staged file outside `--root`): the engine only compares it with the paths it knows, and the daemon reads no file
 * by a request's paths.
 */
function relativePath(p: unknown): p is string {
  return typeof p === 'string' && !p.startsWith('/') && !/^[A-Z]:/i.test(p) && !p.includes('\\') && !p.includes('\0');
}

/** The request a line holds, or what is wrong with it. */
export function parseRequest(line: string): DaemonRequest | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { error: 'the request is not JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { error: 'the request is not an object' };
  const r = v as Record<string, unknown>;
  if (r['kind'] === 'status' || r['kind'] === 'stop') return { kind: r['kind'] };
  if (r['kind'] !== 'check') return { error: "the request's kind is not check, status or stop" };
  const { mode, reportUnusedSuppressions, files, base } = r;
  if (mode !== undefined && !MODES.includes(mode as string)) return { error: 'mode is not isolated or hybrid' };
  if (typeof reportUnusedSuppressions !== 'boolean') return { error: 'reportUnusedSuppressions is not a boolean' };
  if (files !== undefined && !(Array.isArray(files) && files.every(relativePath)))
    return { error: 'files is not a list of root-relative paths' };
  if (base !== undefined) {
    if (files === undefined) return { error: 'base needs files' };
    const asked = new Set(files as string[]);
    const pairs =
      base === null ||
      (Array.isArray(base) &&
        base.every(
          (e) =>
            Array.isArray(e) &&
            e.length === 2 &&
            relativePath(e[0]) &&
            asked.has(e[0] as string) &&
            (typeof e[1] === 'string' || e[1] === null),
        ));
    if (!pairs) return { error: "base is not null or a list of [file, text or null] of the request's files" };
  }
  return {
    kind: 'check',
    ...(mode !== undefined ? { mode: mode as ResolutionMode } : {}),
    reportUnusedSuppressions,
    ...(files !== undefined ? { files: files as string[] } : {}),
    ...(base !== undefined ? { base: base as [string, string | null][] | null } : {}),
  };
}
