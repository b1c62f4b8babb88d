// Where a notebook's text takes a node name: a cell's line is a JSON string there, so a `"` opens a string on every
// line; only the strings of an `add_node(` or `add_edge(` call (a Python `"` written `\"`) hold node names.
const CALLS = ['add_node(', 'add_edge('] as const;
/** After the call's parenthesis: an edge's first name, then the string the cursor is in. */
const ARGS = /^\s*(?:\\"[\w-]*\\"\s*,\s*)?\\"[\w-]*$/;

/** Whether the text of a line before the cursor ends inside a node name of an `add_node(` or `add_edge(` call. */
export function inNodeCall(before: string): boolean {
  const at = Math.max(...CALLS.map((c) => before.lastIndexOf(c)));
  return at >= 0 && ARGS.test(before.slice(at + CALLS[0].length));
}
