// Lists kept for the session at their exact length. An array grown by `push` keeps the spare room V8
// gave it (17 slots for its first item: 152 bytes for one element), and a large org keeps some 60,000
// short lists of its meta files (dict entries, dependency items, resolved edges): ~6 MB of spare room.

/** The items of `stack` from `mark` on, as a list of their own; the stack is cut back to `mark` (a shared stack for nested lists). */
export function cutFrom<T>(stack: T[], mark: number): T[] {
  const xs = stack.slice(mark);
  stack.length = mark;
  return xs;
}

/** `list` at its length (a copy: `slice` allocates no spare room); an empty list is `list` itself. */
export function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
