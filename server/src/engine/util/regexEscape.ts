// Text put inside a regular expression as itself: a name from a repository could otherwise be a pattern of its own
// (one that backtracks without end, or one that does not compile).

/** `s` with every character a pattern reads as syntax escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
