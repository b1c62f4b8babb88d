// The engine's one door for results kept across calls outside the tracked queries: memos of pure
// functions, each bounded, so that what a module keeps process-wide is in one place to review (the
// fresh-process oracle, test/engine/freshGraph.ts, checks that none of it changes an answer).
// Suggestions and near-miss indexes map the same few thousand step names again on every edit (stringMemo);
// a file two readers need is read once (lastCallMemo); a result derived from one read object is derived
// once (objectMemo); a schema is compiled on first use (once).

/** Strings remembered by `stringMemo` unless a caller bounds it otherwise. */
const BOUND = 100_000;

/** Remembers a function of a string by the string; past `bound` strings the memory is dropped and refilled. */
export function stringMemo<R>(f: (s: string) => R, bound = BOUND): (s: string) => R {
  const known = new Map<string, R>();
  return (s) => {
    const hit = known.get(s);
    // One lookup on the hot path (edit distances ask by the thousand); `has` only for a remembered undefined.
    if (hit !== undefined || known.has(s)) return hit as R;
    if (known.size >= bound) known.clear();
    const v = f(s);
    known.set(s, v);
    return v;
  };
}

/** Remembers the last call only: the same arguments (each by `Object.is`) answer its result again. */
export function lastCallMemo<A extends readonly unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i])))
      return last.result;
    const result = f(...args);
    last = { args, result };
    return result;
  };
}

/**
 * Remembers a function of an object and a second argument for as long as the object lives (the last second
 * argument, by `Object.is`, per object).
 */
export function objectMemo<K extends object, A, R>(f: (key: K, arg: A) => R): (key: K, arg: A) => R {
  const known = new WeakMap<K, { arg: A; result: R }>();
  return (key, arg) => {
    const hit = known.get(key);
    if (hit && Object.is(hit.arg, arg)) return hit.result;
    const result = f(key, arg);
    known.set(key, { arg, result });
    return result;
  };
}

/** Runs `f` on the first call only and answers its result ever after (a schema compiled on first use). */
export function once<R>(f: () => R): () => R {
  let done: { result: R } | null = null;
  return () => (done ??= { result: f() }).result;
}
