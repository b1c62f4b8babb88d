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

const IDENT = /^[A-Z_]\w*$/i;
/** No `)` is left in the text. */
const NONE_LEFT = -2;
// Each run of blanks belongs to one part (after `from`, the dots, the module): three adjacent runs when the parts
// between are empty would be split every way (cubic).
const FROM = /^[ \t]*from[ \t]+(?:(\.+)[ \t]*)?(?:([A-Za-z_][\w.]*)[ \t]+)?(?<=[ \t])import[ \t]+(\(|[^\n#;]*)/gm;
const IMPORT = /^[ \t]*import[ \t]+([^\n#;]*)/gm;

/** Whether `name` is a Python identifier (anything else is never bound). */
export const isIdentifier = (name: string): boolean => IDENT.test(name);

/** A binding found, with its offset and the order it was found in (ties at one offset keep that order). */
interface Found {
  at: number;
  seq: number;
  b: Binding | (FromImport & { star: true });
}

/** How a module binds each name (`of`): a module re-exporting thousands of names is read once, not once per name. */
export interface ModuleBindings {
  of(name: string): NameBinding;
  /** The modules its import statements import (`from m import …`, `import a.b`), in order; `name` unused. */
  imports: readonly FromImport[];
}

const DEF =
  /^(?:(?:async[ \t]+)?def|class)[ \t]+([A-Za-z_]\w*)\b|^([A-Za-z_]\w*)[ \t]*(?::[^=\n\r\u2028\u2029]*)?=(?!=)/gm;

/**
 * How `text` binds each name: `class`/`def` at the top level (defined here), an assignment (the object is
 * whatever its expression gives), `import a.b as name` (a module), `from m import x as name`, and the
 * star imports that may bind it after the last of those. The last top-level statement wins; an indented
 * import (a `try:` or `if` block's, or a function's) only when no top-level statement binds the name.
 * Strings are blanked first: an import in a docstring binds nothing.
 */
export function moduleBindings(rawText: string): ModuleBindings {
  const text = codeOnly(rawText);
  const byName = new Map<string, Found[]>();
  const stars: Found[] = [];
  const imports: FromImport[] = [];
  let seq = 0;
  const index = new LineIndex(text);
  const lineAt = (offset: number): number => index.position(offset).line;
  const add = (name: string, f: Found): void => {
    const list = byName.get(name);
    if (list) list.push(f);
    else byName.set(name, [f]);
  };
  const defs: Found[] = [];
  for (const m of text.matchAll(DEF)) {
    const name = (m[1] ?? m[2]) as string;
    const f: Found = {
      at: m.index,
      seq: 0,
      b: { kind: m[1] === undefined ? 'assigned' : 'defined', line: lineAt(m.index) },
    };
    defs.push(f);
    add(name, f);
  }
  // Found in the order the name-by-name reading pushed them: definitions, then `from` imports, then `import`s.
  for (const f of defs) f.seq = seq++;
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
    const at = { level: (m[1] ?? '').length, module: m[2] ?? '', line: lineAt(m.index), nested: /^\s/.test(m[0]) };
    imports.push({ ...at, name: '' });
    for (const [orig, bound] of importedNames(list)) {
      if (orig === '*') stars.push({ at: m.index, seq: seq++, b: { ...at, name: '', star: true } });
      else add(bound, { at: m.index, seq: seq++, b: { kind: 'from', ...at, name: orig } });
    }
  }
  for (const m of text.matchAll(IMPORT)) {
    // `import a.b` binds `a`; `import a.b as c` binds `c`: a module either way.
    const names = importedNames(m[1] ?? '');
    const line = lineAt(m.index);
    for (const [orig] of names) imports.push({ level: 0, module: orig, name: '', line, nested: /^\s/.test(m[0]) });
    const bound = new Set(names.map(([orig, b]) => (b === orig ? (orig.split('.')[0] ?? '') : b)));
    for (const name of bound) add(name, { at: m.index, seq: seq++, b: { kind: 'module', line: lineAt(m.index) } });
  }
  const dynamic = /^(?:async[ \t]+)?def[ \t]+__getattr__\b/m.test(text);
  const hasAll = /^__all__\b/m.test(text);
  const before = (a: Found, b: Found): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  imports.sort((a, b) => a.line - b.line);
  return {
    imports,
    of(name) {
      if (!isIdentifier(name)) return { last: null, stars: [], dynamic: false, hasAll: false };
      const found = byName.get(name) ?? [];
      const top = found.filter((f) => !('nested' in f.b && f.b.nested));
      const pool = top.length > 0 ? top : found;
      let last: Found | null = null;
      for (const f of pool) if (last === null || before(last, f)) last = f;
      // The star imports after the last binding (all of them without one), the last first.
      let lo = 0;
      if (last !== null) {
        let hi = stars.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (before(stars[mid] as Found, last)) lo = mid + 1;
          else hi = mid;
        }
      }
      const after = stars
        .slice(lo)
        .map((f) => ({ ...(f.b as FromImport), name }))
        .reverse();
      return { last: last === null ? null : (last.b as Binding), stars: after, dynamic, hasAll };
    },
  };
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

/** `a as b, c` (parenthesised or not) → [[a, b], [c, c]]. */
function importedNames(list: string): [string, string][] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .flatMap((part) => {
      const [orig, alias] = part
        .trim()
        .split(/(?<!\s)\s+as\s+/)
        .map((s) => s.trim());
      return orig ? [[orig, alias || orig] as [string, string]] : [];
    });
}
