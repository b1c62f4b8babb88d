// The cursus canonical-name algorithm (SPEC §5, `get_canonical_name_from_file_name`): maps a component
// file name back to a step name of the context, or to nothing.

const PREFIXES = ['builder_', 'config_'];
const SUFFIXES = ['_step', '_spec', '_contract'];
const JOB_TYPES = new Set([
  'training',
  'validation',
  'testing',
  'calibration',
  'inference',
  'batch',
  'export',
  'scoring',
]);
const ABBREVIATIONS: Record<string, string> = {
  xgb: 'XGBoost',
  xgboost: 'XGBoost',
  pytorch: 'PyTorch',
  mims: '',
  preprocess: 'Preprocessing',
  eval: 'Eval',
  evaluation: 'Eval',
};

/** The stem without component prefixes/suffixes (`builder_xgboost_training_step.py` → `xgboost_training`). */
export function componentStem(fileName: string): string {
  let stem = fileName.replace(/^.*\//, '').replace(/\.py$/, '');
  for (const p of PREFIXES) if (stem.startsWith(p)) stem = stem.slice(p.length);
  for (;;) {
    const s = SUFFIXES.find((x) => stem.endsWith(x));
    if (!s) break;
    stem = stem.slice(0, -s.length);
  }
  return stem;
}

const cap = (p: string): string => (p ? p[0]?.toUpperCase() + p.slice(1) : '');

export function canonicalName(fileName: string, names: Iterable<string>): string | null {
  const stem = componentStem(fileName);
  const parts = stem.split('_').filter(Boolean);
  if (parts.length === 0) return null;
  const byLower = new Map<string, string>();
  const all: string[] = [];
  for (const n of names) {
    byLower.set(n.toLowerCase(), n);
    all.push(n);
  }
  const tryParts = (ps: string[], expand: boolean): string | null => {
    const joined = ps.map((p) => (expand && p in ABBREVIATIONS ? (ABBREVIATIONS[p] ?? '') : cap(p))).join('');
    return joined ? (byLower.get(joined.toLowerCase()) ?? null) : null;
  };
  const last = parts[parts.length - 1] ?? '';
  const withoutSuffix = JOB_TYPES.has(last) && parts.length > 1 ? parts.slice(0, -1) : null;
  const attempts: string[][] = [parts];
  if (withoutSuffix) attempts.push(withoutSuffix);
  for (const expand of [false, true]) {
    for (const ps of attempts) {
      const hit = tryParts(ps, expand);
      if (hit) return hit;
    }
  }
  if (parts.length >= 3) {
    const [a, b] = parts;
    for (const order of [
      [last, a, b],
      [a, b, last],
    ]) {
      for (const expand of [false, true]) {
        const hit = tryParts(
          order.filter((x): x is string => x !== undefined),
          expand,
        );
        if (hit) return hit;
      }
    }
  }
  return fuzzy(stem, parts, all);
}

function fuzzy(stem: string, parts: string[], names: string[]): string | null {
  const flat = stem.replace(/_/g, '').toLowerCase();
  let best: string | null = null;
  let bestScore = 0;
  for (const n of names) {
    const ln = n.toLowerCase().replace(/_/g, '');
    let score = 0;
    if (ln === flat) score = 1;
    else if (flat.length >= 3 && ln.includes(flat)) score = 0.9;
    else {
      const matched = parts.filter((p) => ln.includes((ABBREVIATIONS[p] ?? p).toLowerCase() || p)).length;
      if (matched === parts.length) score = 0.85;
      else if (matched / parts.length >= 0.8) score = 0.8;
    }
    if (score > bestScore || (score === bestScore && score > 0 && best !== null && n < best)) {
      best = n;
      bestScore = score;
    }
  }
  return bestScore >= 0.8 ? best : null;
}
