// How a Python module binds a name when it is imported, read from its source without running it: the
// loaders `getattr` an entry point's or a reference's class from its module, and `inspect.getfile`
// (discovery.py:352) then names the module that defines it, which a re-export (`from .node import X`)
// does not. One rule for entry points (queries.ts) and class references, and for `contract_path`.
import { LineIndex } from '../../../text/lineIndex';
import { skipLine } from '../../../python/extraRuns';

/** The statement that decides a name: the last one binding it, and the star imports after it (last first). */
export interface NameBinding {
  /** null: no statement binds it explicitly. */
  last: Binding | null;
  stars: FromImport[];
  /** A module-level `__getattr__` (PEP 562) answers for any name the module does not bind. */
  dynamic: boolean;
  /** The module names `__all__`: what a star import of it takes is then not read here. */
  hasAll: boolean;
}

export type Binding =
  | { kind: 'defined'; line: number }
  | { kind: 'assigned'; line: number }
  | { kind: 'module'; line: number }
  | ({ kind: 'from' } & FromImport);

/** `from <dots><module> import <name>`: `level` dots (0: absolute); `nested` in an indented block. */
export interface FromImport {
  level: number;
  module: string;
  name: string;
  line: number;
  nested: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** No `)` is left in the text. */
const NONE_LEFT = -2;
const FROM = /^[ \t]*from[ \t]+(\.*)[ \t]*([A-Za-z_][\w.]*)?[ \t]+import[ \t]+(\(|[^\n#;]*)/gm;
const IMPORT = /^[ \t]*import[ \t]+([^\n#;]*)/gm;

/** Whether `name` is a Python identifier (anything else is never bound). */
export const isIdentifier = (name: string): boolean => IDENT.test(name);

/**
 * How `text` binds `name`: `class`/`def` at the top level (defined here), an assignment (the object is
 * whatever its expression gives), `import a.b as name` (a module), `from m import x as name`, and the
 * star imports that may bind it after the last of those. The last top-level statement wins; an indented
 * import (a `try:` or `if` block's, or a function's) only when no top-level statement binds the name.
 * Strings are blanked first: an import in a docstring binds nothing.
 */
export function bindingOf(rawText: string, name: string): NameBinding {
  const none: NameBinding = { last: null, stars: [], dynamic: false, hasAll: false };
  if (!isIdentifier(name)) return none;
  const text = codeOnly(rawText);
  const found: { at: number; b: Binding | (FromImport & { star: true }) }[] = [];
  const index = new LineIndex(text);
  const lineAt = (offset: number): number => index.position(offset).line;
  const def = new RegExp(
    `^(?:(?:async[ \\t]+)?def|class)[ \\t]+${name}\\b|^(${name})[ \\t]*(?::[^=\\n]*)?=(?!=)`,
    'gm',
  );
  for (const m of text.matchAll(def)) {
    found.push({ at: m.index, b: { kind: m[1] === undefined ? 'defined' : 'assigned', line: lineAt(m.index) } });
  }
  // The `)` closing a parenthesised list: found once per stretch, so unclosed `(`s do not rescan the rest of the file.
  let close = -1;
  for (const m of text.matchAll(FROM)) {
    let list = m[3] ?? '';
    if (list === '(') {
      const open = m.index + m[0].length;
      if (close !== NONE_LEFT && close < open) {
        const at = text.indexOf(')', open);
        close = at < 0 ? NONE_LEFT : at;
      }
      list = close === NONE_LEFT ? '' : text.slice(open, close);
    }
    for (const [orig, bound] of importedNames(list)) {
      if (orig !== '*' && bound !== name) continue;
      const at = { level: (m[1] ?? '').length, module: m[2] ?? '', line: lineAt(m.index), nested: /^\s/.test(m[0]) };
      found.push({ at: m.index, b: orig === '*' ? { ...at, name, star: true } : { kind: 'from', ...at, name: orig } });
    }
  }
  for (const m of text.matchAll(IMPORT)) {
    // `import a.b` binds `a`; `import a.b as c` binds `c`: a module either way.
    if (importedNames(m[1] ?? '').some(([orig, bound]) => (bound === orig ? orig.split('.')[0] : bound) === name)) {
      found.push({ at: m.index, b: { kind: 'module', line: lineAt(m.index) } });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const explicit = (f: (typeof found)[number]): boolean => !('star' in f.b);
  const top = (f: (typeof found)[number]): boolean => explicit(f) && !('nested' in f.b && f.b.nested);
  const lastOf = (keep: (f: (typeof found)[number]) => boolean): number =>
    found.reduce((at, f, i) => (keep(f) ? i : at), -1);
  const lastAt = found.some(top) ? lastOf(top) : lastOf(explicit);
  const last = lastAt < 0 ? null : (found[lastAt]?.b as Binding);
  const stars = found
    .slice(lastAt + 1)
    .filter((f) => !explicit(f))
    .map((f) => f.b as FromImport)
    .reverse();
  const dynamic = /^(?:async[ \t]+)?def[ \t]+__getattr__\b/m.test(text);
  return { last, stars, dynamic, hasAll: /^__all__\b/m.test(text) };
}

/** `text` with every string's inside blanked (same length and line breaks). */
function codeOnly(text: string): string {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length;)
    i = skipLine(text, i, (from, to) => {
      spans.push([from, to]);
    });
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    out += text.slice(at, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ');
    at = to;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Whether `text` binds `name` in a way the loaders' `getattr` finds (a star import may: that is not decided here). */
export function definesName(text: string, name: string): boolean {
  return bindingOf(text, name).last !== null;
}

/** `a as b, c` (parenthesised or not) → [[a, b], [c, c]]. */
function importedNames(list: string): [string, string][] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .flatMap((part) => {
      const [orig, alias] = part
        .trim()
        .split(/\s+as\s+/)
        .map((s) => s.trim());
      return orig ? [[orig, alias || orig] as [string, string]] : [];
    });
}
