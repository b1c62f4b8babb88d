// Static resolution of what the loaders import: a dotted module path to the files Python would load
// it from under a repository's source roots, an `onex.nodes` entry point to the `contract.yaml`
// auto-wiring reads (discovery.py:318, strategies 2–4 in order; where a class comes from: origin.ts).
// Nothing is executed; a module outside the repository's own packages is not judged.
import { dirOf, joinRel } from '../../../util/paths';

/**
 * Where a package's modules live: the pyproject's directory and its `src/` (the two layouts of setuptools and hatch).
 */
export function sourceRoots(pyproject: string): string[] {
  const dir = dirOf(pyproject);
  return [dir === '' ? 'src' : `${dir}/src`, dir];
}

export interface ModuleFiles {
  module: string;
  pkgInit: string;
  moduleFile: string;
  pkgDir: string;
}

/** The two files a module may be (`a/b/c/__init__.py`, `a/b/c.py`) under each root. */
export function moduleCandidates(module: string, roots: readonly string[]): ModuleFiles[] {
  if (!/^[A-Z_]\w*(?:\.[A-Z_]\w*)*$/i.test(module)) return [];
  const rel = module.split('.').join('/');
  return roots.flatMap((r) => {
    const pkgDir = joinRel(r, rel);
    return pkgDir === null ? [] : [{ module, pkgDir, pkgInit: `${pkgDir}/__init__.py`, moduleFile: `${pkgDir}.py` }];
  });
}

/**
 * What an entry point loads: the module file (`__init__.py` of a package, or `<m>.py`), or a namespace package's
 * directory.
 */
export type Loaded = { kind: 'package' | 'module'; file: string; dir: string } | { kind: 'namespace'; dir: string };

/**
 * The contract.yaml candidates after strategy 1 (explicitPath.ts), in discovery's order: an object with
 * `__path__` — a namespace package, or a regular package loaded as itself — only its own directory
 * (strategy 2, discovery.py:343; it raises there, the parent is never searched); else the directory of
 * the module (strategy 3, :356) and its parent (strategy 4, :361). For a class, `loaded` is the module
 * that defines it (`inspect.getfile` follows a re-export there: origin.ts), `attr` its name there.
 * The labels are shown in hover and Explain: they cite no upstream line (docs/onex-contracts.md does).
 */
export function contractCandidates(loaded: Loaded, attr: string | null): { path: string; strategy: string }[] {
  if (loaded.kind === 'namespace' || (loaded.kind === 'package' && attr === null)) {
    const what = loaded.kind === 'namespace' ? 'namespace package' : "the package's __path__";
    return [{ path: `${loaded.dir}/contract.yaml`, strategy: `${what} (strategy 2)` }];
  }
  const up = dirOf(loaded.dir);
  return [
    { path: `${loaded.dir}/contract.yaml`, strategy: 'beside the module (strategy 3)' },
    {
      path: up === '' ? 'contract.yaml' : `${up}/contract.yaml`,
      strategy: 'its parent directory (strategy 4)',
    },
  ];
}

/** `module.path` or `module.path:attr` (the value of an entry point). */
export function splitEntry(value: string): { module: string; attr: string | null } {
  const at = value.indexOf(':');
  return at < 0
    ? { module: value.trim(), attr: null }
    : { module: value.slice(0, at).trim(), attr: value.slice(at + 1).trim() || null };
}
