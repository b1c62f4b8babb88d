// A module's top-level tables of strings as a framework writes them for its validators to import —
// `NAMES: frozenset[str] = frozenset({"a", "b"})`, `KINDS = ("x", "y")`, `PREFIX: Final[str] = "onex"` — read
// statically: a str literal, a list, tuple or set literal of str literals, or one of them passed alone to
// `frozenset`, `set`, `tuple` or `list`. Anything else (a name, a comprehension, a concatenation, a later `|=` or a
// binding under an `if` or `try`) is not a literal and is said so, never evaluated: the caller keeps the table it
// has.
import type { Node } from 'web-tree-sitter';
import type { Lit } from '../literal';
import { normalizeLoneCr } from '../text/lineIndex';
import { crOf, toLit } from './facts';
import { withPythonTree } from './parser';

/** One table: its strings (null: assigned, not as a literal), and the 0-based line of its last assignment. */
export interface ModuleTable {
  readonly values: readonly string[] | null;
  readonly line: number;
}

const SCOPES = new Set(['function_definition', 'class_definition', 'decorated_definition']);
/** The calls that make a collection of their one argument. */
const COLLECTIONS = new Set(['frozenset', 'set', 'tuple', 'list']);

/**
 * The tables named `names` that `text` assigns at its top level (the last assignment of each, as Python keeps it);
 * a name not assigned at the top level is absent. A module that does not parse within its budget gives none.
 */
export function moduleTables(rawText: string, names: readonly string[]): Map<string, ModuleTable> {
  const text = normalizeLoneCr(rawText);
  const wanted = new Set(names);
  return withPythonTree(
    text,
    (tree) => {
      const out = new Map<string, ModuleTable>();
      const cr = crOf(text);
      for (const stmt of tree.rootNode.namedChildren) {
        if (!stmt) continue;
        const asg = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
        const left = asg?.type === 'assignment' ? asg.childForFieldName('left') : null;
        const right = asg?.childForFieldName('right') ?? null;
        if (left?.type === 'identifier' && wanted.has(left.text)) {
          const values = right && !right.hasError ? strings(right, cr) : null;
          out.set(left.text, { values, line: left.startPosition.row });
          continue;
        }
        // Any other binding of a table (`|=`, under an `if` or `try`): what it holds is decided when it runs.
        for (const name of rebound(stmt, wanted)) out.set(name.text, { values: null, line: name.startPosition.row });
      }
      return out;
    },
    () => new Map<string, ModuleTable>(),
  );
}

/** The wanted names a top-level statement binds other than by a plain assignment of its own. */
function rebound(stmt: Node, wanted: ReadonlySet<string>): Node[] {
  // A function's or class's own names are its locals.
  if (SCOPES.has(stmt.type)) return [];
  return stmt
    .descendantsOfType(['assignment', 'augmented_assignment'])
    .flatMap((a) => a?.childForFieldName('left') ?? [])
    .filter((l) => l.type === 'identifier' && wanted.has(l.text));
}

/** The strings of a table's value, null when it is not written as a literal. */
function strings(value: Node, cr: string | null): string[] | null {
  const arg = value.type === 'call' ? soleArgument(value) : value;
  if (arg === null) return null;
  const lit = toLit(arg, 0, cr);
  const items: readonly Lit[] = lit.kind === 'list' ? lit.items : value === arg ? [lit] : [];
  if (value !== arg && lit.kind !== 'list') return null;
  const out = items.flatMap((i) => (i.kind === 'str' ? [i.value] : []));
  return out.length === items.length ? out : null;
}

/** `frozenset(<literal>)` and its kin: the one positional argument, null for any other call. */
function soleArgument(call: Node): Node | null {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (fn?.type !== 'identifier' || !COLLECTIONS.has(fn.text) || args?.type !== 'argument_list') return null;
  const given = args.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  return given.length === 1 && given[0] !== undefined && ['list', 'tuple', 'set'].includes(given[0].type)
    ? given[0]
    : null;
}
