// Keys of two parts (a context and a step name) for the queries keyed by both. A key built by
// concatenation is a chain of V8 cons strings per holder (33,000 on a large org, four queries each):
// the engine holds one string per key, however many queries keep it.
import { intern } from './intern';

/** The key of the pair (`a`, `b`); `a` holds no NUL. */
export function pairKey(a: string, b: string): string {
  return intern(`${a}\0${b}`, Infinity);
}

/** The two parts of a `pairKey`. */
export function pairOf(key: string): [string, string] {
  const at = key.indexOf('\0');
  return [key.slice(0, at), key.slice(at + 1)];
}
