// Where the object a module exposes under a name comes from, following static re-exports through the
// repository's own files: `inspect.getfile` names the defining module of a class (discovery.py:352), so
// its contract lies beside that module, not beside the `__init__.py` re-exporting it. What the source
// cannot decide (a module outside the repository, an assignment, a module `__getattr__`, a star import
// of a module with `__all__`, a cycle, a long chain) is `unknown`, never a reason for a diagnostic.
import { baseName, dirOf, joinRel } from '../../../util/paths';
import { isIdentifier, type FromImport, type ModuleBindings } from './bindings';
import { moduleCandidates } from './resolve';

export interface OriginContext {
  exists(path: string): boolean;
  /** How a module the host fed binds its names (read once per module: bindings.ts); undefined when not fed. */
  bindings(path: string): ModuleBindings | undefined;
  /** Where absolute imports are looked up (resolve.ts `sourceRoots`). */
  roots: readonly string[];
  /** The repository's own top-level packages: an absolute import of another is not followed. */
  own: ReadonlySet<string>;
}

/** A re-export passed on the way: the import statement (0-based line) binding `name` in `file`. */
export interface Hop {
  file: string;
  line: number;
  name: string;
}

/**
 * `found`: a `class`/`def` (`defined`) or a submodule the last `from … import` names (`module`, or
 * `package` with its `__init__.py`); `absent`: no statement binds the name, so the import fails there.
 */
export type Origin =
  | { status: 'found'; kind: 'defined' | 'module' | 'package'; file: string; name: string; line: number; via: Hop[] }
  | { status: 'absent'; file: string; name: string; via: Hop[] }
  | { status: 'unknown'; why: string; via: Hop[] };

/** The origin and every file the walk looked for (a host feeds those that exist, and the walk goes on). */
export interface OriginWalk {
  origin: Origin;
  read: string[];
}

/** Re-exports followed before giving up (a chain is two or three in practice). */
export const MAX_HOPS = 8;
/** Modules read, and star imports tried, per walk: star imports may fan out. */
const MAX_READS = 64;

export function originOf(ctx: OriginContext, file: string, name: string): OriginWalk {
  const read = new Set<string>();
  const origin = walk(ctx, { file, name, via: [], fromImport: false }, new Set(), read, { reads: 0 });
  return { origin, read: [...read].sort() };
}

interface Step {
  file: string;
  name: string;
  via: Hop[];
  fromImport: boolean;
}

function walk(
  ctx: OriginContext,
  s: Step,
  seen: ReadonlySet<string>,
  read: Set<string>,
  budget: { reads: number },
): Origin {
  const unknown = (why: string): Origin => ({ status: 'unknown', why, via: s.via });
  const key = `${s.file}\0${s.name}`;
  if (seen.has(key)) return unknown(`an import cycle through '${s.file}' (the import fails at load)`);
  if (s.via.length > MAX_HOPS || ++budget.reads > MAX_READS) {
    return unknown(`re-exports beyond ${MAX_HOPS} are not followed`);
  }
  const bindings = ctx.bindings(s.file);
  if (bindings === undefined) return unknown(`'${s.file}' is not read`);
  const path = new Set(seen).add(key);
  const b = bindings.of(s.name);
  // Star imports after the last explicit binding are tried first, the last one first; a private name is never taken.
  for (const star of s.name.startsWith('_') ? [] : b.stars) {
    if (++budget.reads > MAX_READS) return unknown(`re-exports beyond ${MAX_HOPS} are not followed`);
    const target = moduleFile(ctx, s.file, star, read);
    if (typeof target !== 'string') return unknown(target.why);
    const targetBindings = ctx.bindings(target);
    if (targetBindings === undefined) return unknown(`'${target}' is not read`);
    const t = targetBindings.of(s.name);
    if (t.hasAll) return unknown(`'${target}' declares __all__: what 'from … import *' takes from it is not read`);
    if (t.last === null && t.stars.length === 0) continue;
    const step = { file: target, name: s.name, via: [...s.via, hop(s, star)], fromImport: false };
    const next = walk(ctx, step, path, read, budget);
    if (next.status !== 'absent') return next;
    if (star.nested) return unknown(blockWhy(s, star));
  }
  const last = b.last;
  if (last === null) {
    const sub = submodule(ctx, s.file, s.name, read);
    // `from pkg import name` imports the submodule (found); `getattr` finds it only once something imported it.
    if (sub) {
      return s.fromImport
        ? { status: 'found', ...sub, name: s.name, line: 0, via: s.via }
        : unknown(`'${s.name}' is a submodule of '${s.file}'`);
    }
    if (b.dynamic) return unknown(`'${s.file}' answers other names by its module __getattr__ (PEP 562)`);
    return { status: 'absent', file: s.file, name: s.name, via: s.via };
  }
  if (last.kind === 'defined') {
    return { status: 'found', kind: 'defined', file: s.file, name: s.name, line: last.line, via: s.via };
  }
  if (last.kind === 'assigned') {
    return unknown(`'${s.name}' is assigned in '${s.file}' (line ${last.line + 1}): its object is what that gives`);
  }
  if (last.kind === 'module') return unknown(`'${s.name}' is a module imported in '${s.file}' (line ${last.line + 1})`);
  const target = moduleFile(ctx, s.file, last, read);
  if (typeof target !== 'string') return unknown(target.why);
  const next = walk(
    ctx,
    { file: target, name: last.name, via: [...s.via, hop(s, last)], fromImport: true },
    path,
    read,
    budget,
  );
  // A block's import may never run (a function's, a branch not taken): its failure is not certain.
  return next.status === 'absent' && last.nested ? unknown(blockWhy(s, last)) : next;
}

const blockWhy = (s: Step, imp: FromImport): string =>
  `'${s.name}' is imported inside a block of '${s.file}' (line ${imp.line + 1})`;

const hop = (s: Step, imp: FromImport): Hop => ({ file: s.file, line: imp.line, name: s.name });

/**
 * The file an import loads (a package's `__init__.py` before a module), or why it is not followed (`looked`: the
 * repository's files it may be, none of which exists).
 */
export function moduleFile(
  ctx: OriginContext,
  from: string,
  imp: FromImport,
  read: Set<string>,
): string | { why: string; looked?: string[] } {
  const dotted = `${'.'.repeat(imp.level)}${imp.module}`;
  let files: string[];
  if (imp.level > 0) {
    // The package of `from` (its directory, for `__init__.py` and a module alike), then one up per further dot.
    const base = joinRel(dirOf(from), [...Array<string>(imp.level - 1).fill('..'), ...imp.module.split('.')].join('/'));
    if (base === null) return { why: `'${dotted}' climbs above the repository` };
    files = imp.module === '' ? [`${base ? `${base}/` : ''}__init__.py`] : [`${base}/__init__.py`, `${base}.py`];
  } else {
    if (!ctx.own.has(imp.module.split('.')[0] ?? '')) {
      return { why: `'${imp.module}' is outside the repository (not judged)` };
    }
    files = moduleCandidates(imp.module, ctx.roots).flatMap((c) => [c.pkgInit, c.moduleFile]);
  }
  for (const f of files) read.add(f);
  const looked = files.map((f) => `'${f}'`).join(', ');
  return (
    files.find((f) => ctx.exists(f)) ?? { why: `no file for module '${dotted}' (looked for ${looked})`, looked: files }
  );
}

/** A package's submodule `name` (`name.py`, or `name/__init__.py`): what `from pkg import name` falls back to. */
function submodule(
  ctx: OriginContext,
  file: string,
  name: string,
  read: Set<string>,
): { kind: 'module' | 'package'; file: string } | null {
  if (baseName(file) !== '__init__.py' || !isIdentifier(name)) return null;
  const dir = dirOf(file);
  const mod = `${dir ? `${dir}/` : ''}${name}.py`;
  const pkg = `${dir ? `${dir}/` : ''}${name}/__init__.py`;
  read.add(pkg).add(mod);
  return ctx.exists(pkg) ? { kind: 'package', file: pkg } : ctx.exists(mod) ? { kind: 'module', file: mod } : null;
}
