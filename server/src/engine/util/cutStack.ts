// One shared stack for the items of nested containers while a scanner reads them: each container's
// items are cut off the stack when it closes, instead of a list per nesting level kept open.

/** The items of `stack` from `mark` on, as a list of their own; the stack is cut back to `mark`. */
export function cutFrom<T>(stack: T[], mark: number): T[] {
  const xs = stack.slice(mark);
  stack.length = mark;
  return xs;
}
