// Version hints read exactly as apcore reads them (apcore-python `registry/version.py`
// `matches_version_hint`, mirrored by apcore-typescript `registry/version.ts`): comma-separated
// constraints, each an optional operator (`>= <= > < ^ ~ =`) and a digit-leading operand; versions are
// compared as (major, minor, patch) tuples read from their leading digits. Not npm semver: `1.x` is
// `1.0.*` and `1.2.x` is exactly 1.2.0 (the operand's digits), `v1.2.3` and `>=1 <2` are malformed.

export type VersionTuple = [number, number, number];

const SEMVER = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/;
const CONSTRAINT = /^(>=|<=|[><^~=])?(\d[\w.\-+]*)$/;

/**
 * `parse_semver`: the leading `MAJOR[.MINOR[.PATCH]]` digits, missing parts 0; null when there are none (apcore then
 * uses 0.0.0).
 */
export function parseVersion(version: string): VersionTuple | null {
  const m = SEMVER.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

function compare(a: VersionTuple, b: VersionTuple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

type Check = (v: VersionTuple) => boolean;

/** One constraint as a predicate, or why apcore raises `VersionConstraintError` on it. */
function constraint(raw: string): Check | string {
  const c = raw.trim();
  if (c === '') return 'an empty constraint';
  const m = CONSTRAINT.exec(c);
  if (!m)
    return (
      `'${c}': the operand must start with a digit (e.g. '1.2.3', not 'v1.2.3', 'latest' or two constraints ` +
      'separated by a space)'
    );
  const op = m[1] ?? '=';
  const operand = m[2] as string;
  const target = parseVersion(operand) ?? [0, 0, 0];
  const parts = operand.split('.').length;
  const [major, minor, patch] = target;
  const between =
    (upper: VersionTuple): Check =>
    (v) =>
      compare(v, target) >= 0 && compare(v, upper) < 0;
  if (op === '^') return between(major > 0 ? [major + 1, 0, 0] : minor > 0 ? [0, minor + 1, 0] : [0, 0, patch + 1]);
  if (op === '~') return between(parts >= 2 ? [major, minor + 1, 0] : [major + 1, 0, 0]);
  if (op === '=' && parts === 1) return (v) => v[0] === major;
  if (op === '=' && parts === 2) return (v) => v[0] === major && v[1] === minor;
  const cmp: Record<string, (n: number) => boolean> = {
    '=': (n) => n === 0,
    '>=': (n) => n >= 0,
    '>': (n) => n > 0,
    '<=': (n) => n <= 0,
    '<': (n) => n < 0,
  };
  const test = cmp[op] as (n: number) => boolean;
  return (v) => test(compare(v, target));
}

/** A hint as apcore reads it: a predicate over versions, or the reason apcore rejects it. */
export function readVersionHint(hint: string): { matches: (version: string) => boolean } | { error: string } {
  const checks: Check[] = [];
  for (const part of hint.split(',')) {
    const c = constraint(part);
    if (typeof c === 'string') return { error: c };
    checks.push(c);
  }
  return {
    matches: (version) => {
      const v = parseVersion(version) ?? [0, 0, 0];
      return checks.every((c) => c(v));
    },
  };
}
