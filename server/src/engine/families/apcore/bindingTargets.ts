// Whether a binding's `target: "pkg.mod:callable"` resolves, read statically where apcore-python 0.19.0's
// `BindingLoader.resolve_target` (`bindings.py:247-300`) imports it: no `:` is BindingInvalidTargetError;
// a module whose top package is in the repository but whose file is not is BindingModuleNotFoundError;
// a name the module's file never defines is BindingCallableNotFoundError — each RL071, an error because
// the loader raises and none of the file's modules registers. A module outside the repository (an
// installed package) is not judged. `schema_ref` naming no file is the loader's BindingFileInvalidError.
import type { Diagnostic } from '../../types';
import { diag } from './codes';
import { dirOf, isUnder, joinRel } from '../../util/paths';
import { moduleClasses } from '../../python/facts';
import type { BindingDoc, BindingItem } from '../../model/discovery/bindingDoc';
import { importBases, moduleFiles } from './targetFiles';

export interface TargetEnv {
  exists(path: string): boolean;
  dirExists(path: string): boolean;
  /** A wanted file's text (undefined when it is not fed). */
  text(path: string): string | undefined;
}

const FAILS = 'so no module of this file registers';

export function checkBindingTargets(doc: BindingDoc, env: TargetEnv): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of doc.items) {
    const message = checkTarget(doc.file, item, env);
    if (message && item.target) out.push(diag(doc.file, item.target.range, 'RL071', `${message}, ${FAILS}`));
    if (item.schemaRef) {
      const ref = joinRel(dirOf(doc.file), item.schemaRef.value);
      if (ref !== null && !env.exists(ref)) {
        out.push(
          diag(
            doc.file,
            item.schemaRef.range,
            'RL070',
            `Schema reference file not found (${ref}): apcore raises BindingFileInvalidError, ${FAILS}`,
          ),
        );
      }
    }
  }
  return out;
}

function checkTarget(file: string, item: BindingItem, env: TargetEnv): string | null {
  const target = item.target?.value;
  if (target === undefined) return null;
  if (!target.includes(':'))
    return `Target '${target}' is not 'module.path:callable': apcore raises BindingInvalidTargetError`;
  const [modulePath, callable] = target.split(':', 2) as [string, string];
  const candidates = moduleFiles(file, modulePath);
  const found = candidates.find((p) => env.exists(p));
  if (found === undefined) {
    const top = modulePath.split('.')[0] as string;
    const ours = importBases(file).find((b) => {
      const d = joinRel(b, top);
      return d !== null && (env.exists(`${d}/__init__.py`) || env.exists(`${d}.py`) || env.dirExists(d));
    });
    if (ours === undefined || !modulePath.includes('.')) return null;
    const looked = candidates
      .filter((p) => isUnder(p, ours))
      .slice(0, 2)
      .join(', ');
    return (
      `No module '${modulePath}' although its package '${top}' is in the repository (looked for ${looked}): ` +
      'apcore raises BindingModuleNotFoundError'
    );
  }
  const text = env.text(found);
  if (text === undefined) return null;
  const [name, method] = callable.split('.', 2) as [string, string | undefined];
  if (!definesName(text, name)) return `${found} defines no '${name}': apcore raises BindingCallableNotFoundError`;
  if (method === undefined) return null;
  const cls = moduleClasses(text, found).find((c) => c.name === name);
  if (!cls || cls.bases.length > 0 || cls.methods.includes(method) || cls.attributes.includes(method)) return null;
  return `Class '${name}' in ${found} has no '${method}': apcore raises BindingCallableNotFoundError`;
}

/** A module larger than this is not scanned for names (assumed to define them). */
const MAX_SCANNED = 2_000_000;

/** A line longer than this (generated code) makes the scan's per-line patterns too costly: not judged. */
const MAX_LINE = 4_000;

function longestLine(text: string): number {
  let longest = 0;
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - at);
    at = stop + 1;
  }
  return longest;
}

/** Code that defines names the text cannot show: a star import, a module `__getattr__`, writes to globals. */
const DYNAMIC = /^[ \t]*from[ \t]+\S+[ \t]+import[ \t]+\*|\b__getattr__\b|\bglobals\(\)|\bsetattr\(|\bexec\(/m;

/** Whether a module's text may define `name` (conservative: any definition-shaped line at any depth). */
function definesName(text: string, name: string): boolean {
  if (text.length > MAX_SCANNED || longestLine(text) > MAX_LINE || DYNAMIC.test(text)) return true;
  if (!/^\w+$/.test(name)) return name !== '';
  const n = name;
  // Horizontal space only: `\s*` after `^` would cross lines (a run of blank lines would cost its square).
  const shapes = [
    `^[ \\t]*(async[ \\t]+)?def[ \\t]+${n}\\b`,
    `^[ \\t]*class[ \\t]+${n}\\b`,
    `\\b${n}[ \\t]*:=`,
    `\\bimport[ \\t]*\\([^)]{0,4000}\\b${n}\\b`,
  ];
  if (shapes.some((s) => new RegExp(s, 'm').test(text))) return true;
  // The shapes judged line by line, each line searched once (a pattern trying every `import` of a line, or every
  // place `name` could stand among a line's targets, would cost the line's square): `name` after `import`, on a line
  // that starts with `for`, `with` or `global`, or among the plain targets before a line's `=`.
  const word = new RegExp(`\\b${n}\\b`);
  return text.split(LINE_BREAK).some((line) => {
    const at = line.search(IMPORT);
    return (
      (at >= 0 && word.test(line.slice(at))) || (LINE_KEYWORD.test(line) && word.test(line)) || assigns(line, name)
    );
  });
}

/** Whether `line` assigns `name` among its plain targets: `a, name, b = …`, `name: T = …` (not `==`). */
function assigns(line: string, name: string): boolean {
  const eq = line.indexOf('=');
  if (eq < 0 || line[eq + 1] === '=') return false;
  const colon = line.indexOf(':');
  const targets = line.slice(0, colon >= 0 && colon < eq ? colon : eq).split(',');
  const items = targets.map((t) => t.trim());
  return items.includes(name) && items.every((t) => WORD.test(t));
}
const WORD = /^\w+$/;

/** What JavaScript's `^` takes for the start of a line (the `m` flag): the lines the scan judges. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const IMPORT = /\bimport\b/;
const LINE_KEYWORD = /^[ \t]*(?:for|with|global)\b/;
