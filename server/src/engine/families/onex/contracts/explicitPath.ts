// Strategy 1 of auto-wiring's contract lookup: `getattr(node_cls, "contract_path", None)` on what an
// entry point loads, used when `Path(str(it)).is_file()` (discovery.py:333-337), read from the source
// without running it. Only a `__file__`-relative value names a file the repository decides; a string
// literal is relative to the runtime's working directory, and any other value needs the code run.
import { dirOf, joinRel } from '../../../util/paths';

/**
 * The attribute as discovery would see it: a repository path (`path`), a value that is not decidable
 * (`undecided`), or one that is never a file (`inert`: `None`, a method or property), with the line
 * (0-based) of its last binding. null: the object has no `contract_path` the source shows.
 */
export type Explicit = Value & { line: number };
type Value = { kind: 'path'; path: string } | { kind: 'undecided' | 'inert'; why: string };

const NAME = 'contract_path';
const MAX_EXPR = 1000;
const ASSIGN = new RegExp(`^${NAME}\\s*(?::[^=\\n]*)?=(?!=)\\s*((?!\\s).*)?$`);
const DEF = new RegExp(`^(?:async\\s+)?def\\s+${NAME}\\b`);

/** A module's lines and where each top-level class's header is (its first), read once per module. */
export interface ModuleLines {
  lines: readonly string[];
  classes: ReadonlyMap<string, number>;
}

const CLASS = /^class\s+([A-Za-z_]\w*)\b/;

export function moduleLines(text: string): ModuleLines {
  const lines = text.split(/\r?\n/);
  const classes = new Map<string, number>();
  lines.forEach((l, i) => {
    const name = CLASS.exec(l)?.[1];
    if (name !== undefined && !classes.has(name)) classes.set(name, i);
  });
  return { lines, classes };
}

/**
 * A module's own (`cls` null) or a class body's `contract_path`, from `file`'s lines; the last binding wins.
 * `defines`: whether the module binds the name some other way (bindings.ts), asked only for a module's own.
 */
export function explicitContractPath(
  m: ModuleLines,
  file: string,
  cls: string | null,
  defines: () => boolean,
): Explicit | null {
  const lines = m.lines;
  const body = cls === null ? { from: 0, to: lines.length, indent: '' } : classBody(m, cls);
  if (!body) return null;
  let found: Explicit | null = null;
  for (let i = body.from; i < body.to; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith(body.indent) || /^\s/.test(line.slice(body.indent.length))) continue;
    const own = line.slice(body.indent.length);
    const assign = ASSIGN.exec(own);
    if (assign) found = { ...evaluate(stripComment(assign[1] ?? ''), file), line: i };
    else if (DEF.test(own)) {
      // discovery.py:335: `Path(str(...))` of a function or property object is no file.
      found = { kind: 'inert', why: 'a method or property: on the class it is no path', line: i };
    }
  }
  if (found || cls !== null || !defines()) return found;
  return { kind: 'undecided', why: 'imported from another module', line: 0 };
}

/** The lines of a top-level `class cls` body and their indentation; null when the module does not define it. */
function classBody(m: ModuleLines, cls: string): { from: number; to: number; indent: string } | null {
  const lines = m.lines;
  const start = m.classes.get(cls);
  if (start === undefined) return null;
  let indent: string | null = null;
  let to = start + 1;
  for (; to < lines.length; to++) {
    const l = lines[to] ?? '';
    if (/^\s*(?:#.*)?$/.test(l)) continue;
    const lead = /^\s*/.exec(l)?.[0] ?? '';
    if (lead === '') break;
    indent ??= lead;
  }
  return indent === null ? null : { from: start + 1, to, indent };
}

/** The value without a trailing comment (one with no quote after its `#`); a linear scan, whatever the line. */
function stripComment(expr: string): string {
  const hash = expr.search(/\s#/);
  return (hash >= 0 && !/['"]/.test(expr.slice(hash)) ? expr.slice(0, hash) : expr).trim();
}

const STRING = /^[ru]?(["'])[^"'\\]*\1$/i;

/** A value: `None`, a literal, or `Path(__file__)` / `os.path.dirname(__file__)` walked by parents and joins. */
function evaluate(expr: string, file: string): Value {
  // Each step of a walk re-reads the rest: a bound keeps a hostile line linear.
  if (expr.length > MAX_EXPR)
    return { kind: 'undecided', why: `an expression over ${MAX_EXPR} characters is not read` };
  const inner = /^str\((.*)\)$/.exec(expr)?.[1]?.trim() ?? expr;
  // discovery.py:334 (`if explicit is not None`); a literal is read by `Path(str(...))` at :335.
  if (inner === 'None') return { kind: 'inert', why: 'None: strategy 1 is skipped' };
  if (STRING.test(inner)) {
    return { kind: 'undecided', why: "a literal path is relative to the runtime's working directory" };
  }
  const path = pathlibValue(inner, file) ?? osPathValue(inner, file);
  return path === undefined
    ? { kind: 'undecided', why: `'${expr}' needs the code run` }
    : path === null
      ? { kind: 'undecided', why: 'it names a path outside the repository' }
      : { kind: 'path', path };
}

const FILE_ARG = String.raw`\(\s*(?:os\.path\.(?:abspath|realpath)\(\s*)?__file__\s*(?:\)\s*)?\)`;

/** `Path(__file__)` then `.resolve()`, `.parent`, `.parents[n]`, `/ "x"`, `.joinpath`, `.with_name`; else undefined. */
function pathlibValue(expr: string, file: string): string | null | undefined {
  const head = /^(?:pathlib\.)?Path\(\s*__file__\s*\)/.exec(expr);
  if (!head) return undefined;
  let cur: string | null = file;
  let rest = expr.slice(head[0].length).trim();
  while (rest !== '' && cur !== null) {
    let m: RegExpExecArray | null;
    if ((m = /^\.(?:resolve|absolute)\(\s*\)/.exec(rest))) {
      /* the same file */
    } else if ((m = /^\.parent\b/.exec(rest))) cur = up(cur, 1);
    else if ((m = /^\.parents\[\s*(\d+)\s*\]/.exec(rest))) cur = up(cur, Number(m[1]) + 1);
    else if ((m = /^\/\s*[ru]?(["'])([^"'\\]*)\1/i.exec(rest))) cur = join(cur, [m[2] ?? '']);
    else if ((m = /^\.with_name\(\s*[rRuU]?(["'])([^"'\\/]*)\1\s*\)/.exec(rest))) cur = join(up(cur, 1), [m[2] ?? '']);
    else if ((m = /^\.joinpath\(([^)]*)\)/.exec(rest))) {
      const parts = literals(m[1] ?? '');
      if (!parts) return undefined;
      cur = join(cur, parts);
    } else return undefined;
    rest = rest.slice(m[0].length).trim();
  }
  return cur;
}

/** `os.path.join(os.path.dirname(__file__), "x", …)` (`__file__` optionally through abspath/realpath). */
function osPathValue(expr: string, file: string): string | null | undefined {
  const m = new RegExp(String.raw`^os\.path\.join\(\s*os\.path\.dirname${FILE_ARG}\s*,(.*)\)$`).exec(expr);
  if (!m) return undefined;
  const parts = literals(m[1] ?? '');
  return parts && parts.length > 0 ? join(up(file, 1), parts) : undefined;
}

/** A comma-separated list of string literals; null when an argument is anything else. */
function literals(args: string): string[] | null {
  const values = args
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => /^[ru]?(["'])([^"'\\]*)\1$/i.exec(a)?.[2]);
  return values.every((v): v is string => v !== undefined) ? values : null;
}

const up = (p: string | null, n: number): string | null => {
  let cur = p;
  for (let i = 0; i < n && cur !== null; i++) cur = cur === '' ? null : dirOf(cur);
  return cur;
};

/** Joined parts; null when one is absolute (Python's `/` then drops the base) or it climbs out of the repository. */
const join = (base: string | null, parts: readonly string[]): string | null =>
  parts.reduce<string | null>((acc, p) => (acc === null || p.startsWith('/') ? null : joinRel(acc, p)), base);
