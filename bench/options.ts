// The value after a bench script's option (`--org large`), or its default: the benches' one reading of argv.
export function option(args: readonly string[], name: string, dflt: string): string {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
}
