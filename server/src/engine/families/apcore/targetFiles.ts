// The files an apcore binding's `target: "pkg.mod:callable"` may be, where apcore-python 0.19.0's
// `BindingLoader.resolve_target` (`bindings.py:247-300`) imports it from: what the apcore family asks the
// host to feed for a binding file (bindingWanted.ts), and what its bindingTargets.ts judges.
import { dirOf, joinRel } from '../../util/paths';
import type { BindingDoc } from '../../model/discovery/bindingDoc';

/**
 * Where `import_module` may find a target statically: the repository root, `src/`, and the binding file's directory.
 */
export function importBases(bindingFile: string): string[] {
  return [...new Set(['', 'src', dirOf(bindingFile)])];
}

/** The files a module path may be, in the order they are tried. */
export function moduleFiles(bindingFile: string, modulePath: string): string[] {
  if (!/^[A-Z_]\w*(?:\.[A-Z_]\w*)*$/i.test(modulePath)) return [];
  const rel = modulePath.split('.').join('/');
  return importBases(bindingFile)
    .flatMap((b) => [joinRel(b, `${rel}.py`), joinRel(b, `${rel}/__init__.py`)])
    .filter((p): p is string => p !== null);
}

/** The files a package's top level may be: whether the package is in the repository. */
function topFiles(bindingFile: string, top: string): string[] {
  return importBases(bindingFile)
    .flatMap((b) => [joinRel(b, `${top}/__init__.py`), joinRel(b, `${top}.py`)])
    .filter((p): p is string => p !== null);
}

/** The files every target of a binding file may be, and its top package (fed so their names can be read). */
export function wantedTargetFiles(doc: BindingDoc): string[] {
  return doc.items.flatMap((i) => {
    const modulePath = i.target?.value.includes(':') ? (i.target.value.split(':')[0] as string) : null;
    return modulePath === null
      ? []
      : [...moduleFiles(doc.file, modulePath), ...topFiles(doc.file, modulePath.split('.')[0] as string)];
  });
}
