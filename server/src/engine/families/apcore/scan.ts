// Stage 1 of the discovery pipeline (apcore-python `registry/scanner.py` `scan_extensions`,
// `scan_multi_root`): which roots are active, which files under them are module candidates (the root
// is depth 1, `extensions.max_depth` deep at most), their module ids (namespaced when there are several
// roots or a root declares a namespace, RL028 for a namespace used twice), and the id checks on the
// final ids (`_validate_module_id`, `detect_id_conflicts`, apcore-typescript's
// `_rejectEphemeralDiscoveries`): RL009 (format, length, reserved first segment — any segment of a Python
// module's id under apcore-python 0.18 and older, pythonRelease.ts — and `ephemeral.*`), RL024 (duplicates: the
// first in path order is kept) and RL025 (ids that differ only by case).
import type { Diagnostic, Range } from '../../types';
import { diag } from '../../model/codes';
import { ZERO_RANGE } from '../../text/ranges';
import { baseName, isUnder } from '../../util/paths';
import { DEFAULT_ROOT, MAX_DEPTH_LIMIT } from './framework';
import type { ApModule, ApRoot, RootDecl } from './roots';
import { MIRRORED, type ApcorePython } from './pythonRelease';

const MODULE_FILE = /\.(?:py|ts|js)$/;
const NOT_MODULE = /\.d\.ts$|\.(?:test|spec)\.[^.]+$/;
const SKIPPED_DIRS = new Set(['__pycache__', 'node_modules']);
const VALID_ID = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
export const MAX_ID_LENGTH = 192;
export const RESERVED_SEGMENTS = new Set(['system', 'internal', 'core', 'apcore', 'plugin', 'schema', 'acl']);
/** First segment of the ids apcore-typescript and apcore-rust reserve for modules registered at runtime. */
export const EPHEMERAL_SEGMENT = 'ephemeral';

/**
 * Whether a path relative to its extension root is scanned: the skip rules and the depth limit. The
 * scanner enters the root at depth 1 and each directory one deeper, so a file is found when the number
 * of its path segments is at most `maxDepth` (by default the largest `max_depth` apcore accepts, for
 * callers that only decide whether a file may matter).
 */
export function isScanCandidate(relToRoot: string, maxDepth = MAX_DEPTH_LIMIT): boolean {
  const segs = relToRoot.split('/');
  if (segs.length > maxDepth) return false;
  if (segs.some((s) => s === '' || s.startsWith('.') || s.startsWith('_') || SKIPPED_DIRS.has(s))) return false;
  const name = segs[segs.length - 1] ?? '';
  return MODULE_FILE.test(name) && !NOT_MODULE.test(name);
}

/** The root a path belongs to (the deepest one when roots are nested). */
export function rootOf<T extends { path: string }>(path: string, roots: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of roots)
    if (isUnder(path, r.path) && path !== r.path && (!best || r.path.length > best.path.length)) best = r;
  return best;
}

/**
 * The roots in effect: the configured ones (first declaration of a directory wins), else `extensions/`
 * when it holds a `*_meta.yaml`. A root whose namespace is already taken is dropped with RL028. Ids are
 * `prefixed` with their root's namespace when there are several roots or one declares a namespace
 * (apcore's `_scan_roots` then uses `scan_multi_root`).
 */
export function activeRoots(
  decls: RootDecl[],
  defaultHasMeta: boolean,
  anchor: (r: RootDecl) => { file: string; range: Range } | null,
): { roots: ApRoot[]; prefixed: boolean; diagnostics: Diagnostic[] } {
  const unique: RootDecl[] = [];
  for (const d of decls) if (!unique.some((u) => u.path === d.path)) unique.push(d);
  if (unique.length === 0 && defaultHasMeta) unique.push({ path: DEFAULT_ROOT, namespace: null, origin: null });
  const roots: ApRoot[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const decl of unique) {
    const namespace = decl.namespace || baseName(decl.path) || 'root';
    const taken = roots.find((r) => r.namespace === namespace);
    if (taken && unique.length > 1) {
      const at = decl.origin
        ? { file: decl.origin.file, range: decl.origin.nsRange ?? decl.origin.range }
        : anchor(decl);
      if (at) {
        diagnostics.push(
          diag(
            at.file,
            at.range,
            'RL028',
            `Namespace '${namespace}' of root '${decl.path}' is already used by root '${taken.path}': apcore's ` +
              "scan_multi_root raises ConfigError ('Duplicate namespace'), so discovery fails for every root",
            {
              related: taken.decl.origin
                ? [
                    {
                      file: taken.decl.origin.file,
                      range: taken.decl.origin.nsRange ?? taken.decl.origin.range,
                      message: `root '${taken.path}' uses namespace '${namespace}'`,
                    },
                  ]
                : [],
            },
          ),
        );
      }
      continue;
    }
    roots.push({ path: decl.path, namespace, decl });
  }
  return { roots, prefixed: roots.length > 1 || unique.some((d) => d.namespace !== null), diagnostics };
}

/**
 * Module id of a file from its path under the root: suffix removed, separators → `.`, prefixed by the root's namespace.
 */
export function pathId(file: string, root: ApRoot, prefixed: boolean): string {
  const id = relToRoot(file, root).replace(MODULE_FILE, '').split('/').join('.');
  return prefixed ? `${root.namespace}.${id}` : id;
}

/** A path relative to the root it is under. */
export function relToRoot(file: string, root: { path: string }): string {
  return root.path === '' ? file : file.slice(root.path.length + 1);
}

/**
 * Why an id is invalid, or null. `older`: the apcore-python that discovers it predates 0.19.0 and refuses a reserved
 * word as any segment of the id, not only the first (pythonRelease.ts).
 */
export function invalidId(id: string, older: ApcorePython | null = null): string | null {
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long (at most ${MAX_ID_LENGTH})`;
  if (!VALID_ID.test(id))
    return "must be lower-case dot-separated segments of letters, digits and '_', each starting with a letter";
  const first = id.split('.')[0] ?? '';
  if (first === EPHEMERAL_SEGMENT)
    return (
      "is in the 'ephemeral.*' namespace, reserved for modules registered at runtime: apcore-typescript and " +
      'apcore-rust reject it and discovery fails for the whole root'
    );
  if (RESERVED_SEGMENTS.has(first))
    return (
      `starts with the reserved segment '${first}' (reserved: ${[...RESERVED_SEGMENTS].join(', ')}): apcore ` +
      'skips the module'
    );
  const reserved = older === null ? undefined : id.split('.').find((s) => RESERVED_SEGMENTS.has(s));
  if (older !== null && reserved !== undefined)
    return (
      `has the reserved segment '${reserved}': ${older.label} refuses a reserved word as any segment of an id ` +
      '(0.19.0 and later, only as the first), so its discover() skips the module'
    );
  return null;
}

/** Where an id problem is reported: the id map's `id` node, else the start of the module file. */
export function idLocation(m: ApModule): { file: string; range: Range } {
  return m.idOrigin ? { file: m.idOrigin.file, range: m.idOrigin.range } : { file: m.file, range: ZERO_RANGE };
}

/**
 * RL009/RL024/RL025 on the final ids; returns the modules that are registered (first of each id). A Python module's
 * id is judged by the project's apcore-python (`python`).
 */
export function checkIds(
  modules: readonly ApModule[],
  python: ApcorePython = MIRRORED,
): { kept: ApModule[]; diagnostics: Diagnostic[] } {
  const older = python.reservedFirstOnly ? null : python;
  const sorted = [...modules].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, ApModule>();
  const byLower = new Map<string, ApModule>();
  const kept: ApModule[] = [];
  for (const m of sorted) {
    const at = idLocation(m);
    const why = invalidId(m.id, m.file.endsWith('.py') ? older : null);
    if (why)
      diagnostics.push(
        diag(
          at.file,
          at.range,
          'RL009',
          `Invalid module id '${m.id}' (from ${m.idOrigin ? (m.idOrigin.note ?? 'the id map') : m.file}): it ${why}`,
        ),
      );
    const same = first.get(m.id);
    if (same) {
      diagnostics.push(
        diag(
          at.file,
          at.range,
          'RL024',
          `Duplicate module id '${m.id}': ${same.file} already has it and is the one registered; this file is ignored`,
          {
            related: [{ ...idLocation(same), message: `'${m.id}' is first defined by ${same.file}` }],
          },
        ),
      );
      continue;
    }
    first.set(m.id, m);
    kept.push(m);
    const lower = m.id.toLowerCase();
    const twin = byLower.get(lower);
    if (twin) {
      diagnostics.push(
        diag(
          at.file,
          at.range,
          'RL025',
          `Module id '${m.id}' differs only by case from '${twin.id}' (${twin.file}); they collide on ` +
            'case-insensitive file systems',
          {
            related: [{ ...idLocation(twin), message: `module id '${twin.id}'` }],
          },
        ),
      );
    } else {
      byLower.set(lower, m);
    }
  }
  return { kept, diagnostics };
}
