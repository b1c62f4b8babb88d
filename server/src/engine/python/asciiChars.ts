// Character classes of Python names and numbers in ASCII, by char code: what the fast readers
// (literal scanner, skeleton) test one code unit at a time; anything else makes them decline.

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** A letter or `_`: what starts a name. */
export function isNameStart(c: number): boolean {
  return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95;
}
/** A letter, digit or `_`: what continues a name (and ends a keyword or a number). */
export function isNameChar(c: number): boolean {
  return isDigit(c) || isNameStart(c);
}
