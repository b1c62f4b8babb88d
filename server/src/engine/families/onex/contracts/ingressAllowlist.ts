// omnibase_infra's seam-test attestation allowlist for the tenant_scoped_ingress opt-in
// (`config/validation/tenant_scoped_ingress_allowlist.yaml`), read as the gate's `load_allowlist` reads
// it (validators/tenant_scoped_ingress_schema.py:120-154): it never fails on the file — a file that does
// not load, or a malformed entry, silently reads as no entry, which fails closed on the contracts.
import type { Range } from '../../../types';
import type { Lit } from '../../../literal';
import { parseYamlDocs } from '../../../yaml/yamlLit';
import { at, str, type StrAt } from './contractDoc';

/** Where the gate looks for it: `--allowlist`'s default, relative to the repository root (:83, :392). */
export const INGRESS_ALLOWLIST = 'config/validation/tenant_scoped_ingress_allowlist.yaml';

export interface IngressEntry {
  nodeId: StrAt;
  /** `seam_test` as the gate keeps it ('' when absent or not a string, :151), and where (the node_id when absent). */
  seamTest: string;
  seamRange: Range;
  /** Why the gate reads no seam test from it (null: it reads one). */
  seamProblem: 'missing' | 'empty' | 'not a string' | null;
  /** `trusted_internal_topics`' strings (none when it is not a list, :145). */
  trusted: StrAt[];
}

export interface IngressAllowlist {
  /** Why the gate reads no entry at all (:129-135); null when it reads them. */
  empty: string | null;
  /** Its entries by node id, in file order; a later one replaces an earlier of the same id (:150). */
  entries: IngressEntry[];
}

export function readIngressAllowlist(text: string): IngressAllowlist {
  const docs = parseYamlDocs(text);
  const content = docs.filter((d) => d.value !== null);
  if (content.length > 1 || docs.some((d) => d.errors.length > 0 || d.tagWarnings.length > 0)) {
    return { empty: 'it does not load (yaml.safe_load fails)', entries: [] };
  }
  const root = content[0]?.value ?? null;
  if (root?.kind !== 'dict') return { empty: 'it is not a mapping', entries: [] };
  const list = at(root, 'allowlist');
  if (list?.kind !== 'list') return { empty: "its 'allowlist' is not a list", entries: [] };
  return { empty: null, entries: list.items.flatMap((e) => entryOf(e)) };
}

function entryOf(e: Lit): IngressEntry[] {
  const nodeId = e.kind === 'dict' ? str(at(e, 'node_id')) : null;
  if (!nodeId) return [];
  const seam = at(e, 'seam_test');
  const trusted = at(e, 'trusted_internal_topics');
  const seamTest = seam?.kind === 'str' ? seam.value : '';
  const seamProblem = !seam
    ? 'missing'
    : seamTest
      ? null
      : seam.kind === 'str' || seam.kind === 'none'
        ? 'empty'
        : 'not a string';
  return [
    {
      nodeId,
      seamTest,
      seamRange: seam?.range ?? nodeId.range,
      seamProblem,
      trusted: trusted?.kind === 'list' ? trusted.items.flatMap((t) => str(t) ?? []) : [],
    },
  ];
}

/** The paths a gate file's run of the gate passes explicitly (null: the default), relative to the repository root. */
export interface IngressOptions {
  allowlist: string | null;
  producerRoot: string | null;
}

/** `--allowlist` and `--producer-scan-root` on the lines that run the gate (`\` continuations too), the first given. */
export function ingressOptions(text: string): IngressOptions | null {
  const out: IngressOptions = { allowlist: null, producerRoot: null };
  let found = false;
  for (const m of text.matchAll(/tenant_scoped_ingress_schema((?:[^\n]*\\\r?\n)*[^\n]*)/g)) {
    found = true;
    const tokens = (m[1] ?? '').split(/[\s,[\]'"\\]+/).filter(Boolean);
    tokens.forEach((t, i) => {
      for (const [flag, key] of [
        ['--allowlist', 'allowlist'],
        ['--producer-scan-root', 'producerRoot'],
      ] as const) {
        const v = t === flag ? tokens[i + 1] : t.startsWith(`${flag}=`) ? t.slice(flag.length + 1) : undefined;
        if (v && !v.startsWith('-') && out[key] === null) out[key] = v.replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '');
      }
    });
  }
  return found ? out : null;
}
