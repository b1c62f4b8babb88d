// Remembers a function of a string by the string: suggestions and near-miss indexes map the same few
// thousand step names (lower-cased, loosened) again on every edit that adds, removes or renames one.
// Bounded: past the bound the memory is dropped and refilled.

const BOUND = 100_000;

export function stringMemo(f: (s: string) => string): (s: string) => string {
  const known = new Map<string, string>();
  return (s) => {
    let v = known.get(s);
    if (v === undefined) {
      if (known.size >= BOUND) known.clear();
      known.set(s, (v = f(s)));
    }
    return v;
  };
}
