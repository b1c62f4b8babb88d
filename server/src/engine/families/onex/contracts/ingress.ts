// omnibase_infra's fail-closed tenant_scoped_ingress gate (validators/tenant_scoped_ingress_schema.py,
// OMN-14360/OMN-14482): a contract that sets `event_bus.tenant_scoped_ingress: true` must bind only
// `tenant-<slug>.`-prefixed subscribe topics (or producer-free trusted-internal ones its allowlist entry
// names), at least one prefixed, and be attested in the allowlist with a seam test. Each finding is
// placed where it is fixed: a topic or the flag in the contract, a stale carve-out in the allowlist.
import type { Range, RelatedInfo } from '../../../types';
import type { Lit } from '../../../literal';
import { dirOf, baseName } from '../../../util/paths';
import { at, pyyamlBool, type ContractDoc, type StrAt } from './contractDoc';
import type { IngressAllowlist, IngressEntry } from './ingressAllowlist';
import type { Objection } from './objection';

/** The tenant wire prefix, the runtime stamp's regex without its capture (:90). */
export const TENANT_WIRE_PREFIX = /^tenant-[a-z][a-z0-9-]{1,61}[a-z0-9]\./;
/** The producer-scan root of both infra invocations, under the repository root (DEFAULT_SCAN_ROOT, :82, :421). */
export const PRODUCER_SCAN_ROOT = 'src/omnibase_infra';
/** The `event_bus` mapping of a contract the gate reads (:190-201); null when it reads none. */
function eventBus(doc: ContractDoc): Lit | null {
  if (!doc.loads || doc.root?.kind !== 'dict') return null;
  const bus = at(doc.root, 'event_bus');
  return bus?.kind === 'dict' ? bus : null;
}

/** The topics a contract publishes as `collect_published_topics` reads them (event_bus.publish_topics, :176). */
export function gatePublishes(doc: ContractDoc): StrAt[] {
  const list = at(eventBus(doc), 'publish_topics');
  const items = list?.kind === 'list' ? list.items : [];
  return items.flatMap((t) => (t.kind === 'str' ? [{ value: t.value, range: t.range }] : []));
}

/** The flag when it opts in: only a boolean True does (:204), which a plain `yes`/`on` is to PyYAML. */
function optIn(bus: Lit | null): Lit | null {
  const flag = at(bus, 'tenant_scoped_ingress');
  return pyyamlBool(flag) === true ? flag : null;
}

/** `str(raw.get("name") or path.parent.name)` (:207). */
function nodeIdOf(doc: ContractDoc, file: string): string {
  const name = at(doc.root, 'name');
  if (name?.kind === 'str' && name.value) return name.value;
  if (name?.kind === 'num' && name.value !== 0 && name.int) return String(name.value);
  if (name?.kind === 'bool' && name.value) return 'True';
  return baseName(dirOf(file));
}

export interface IngressInput {
  file: string;
  doc: ContractDoc;
  /** Where the gate looks for its allowlist, and what it reads there (null: no such file). */
  allowlistFile: string;
  allowlist: IngressAllowlist | null;
  /** The publish topics of the contracts under the producer-scan root that publish a topic. */
  producers: (topic: string) => readonly { file: string; range: Range }[];
}

/** An objection with the file it is reported on and its related places. */
export interface Placed {
  file: string;
  objection: Objection;
  related: RelatedInfo[];
}

const SRC = 'tenant_scoped_ingress_schema.py';
const FLAG = 'sets event_bus.tenant_scoped_ingress: true';
const OPTED = `${FLAG} but`;

/** One of the gate's findings, on `file` at `range`. */
function placed(
  file: string,
  range: Range,
  rule: string,
  code: Objection['code'],
  message: string,
  related: RelatedInfo[] = [],
): Placed {
  return { file, related, objection: { validator: 'tenant-ingress', rule, code, range, level: 'fail', message } };
}

export function ingressObjections(inp: IngressInput): Placed[] {
  const bus = eventBus(inp.doc);
  const flag = optIn(bus);
  if (!flag) return [];
  const { file, allowlistFile } = inp;
  const nodeId = nodeIdOf(inp.doc, file);
  const entry = inp.allowlist?.entries.filter((e) => e.nodeId.value === nodeId).at(-1) ?? null;
  const trusted = new Set(entry?.trusted.map((t) => t.value) ?? []);
  const out: Placed[] = [];
  const flagAt: RelatedInfo = { file, range: flag.range, message: `'${nodeId}' ${FLAG}` };
  const sub = at(bus, 'subscribe_topics');
  const topics = sub?.kind === 'list' ? sub.items : [];
  if (topics.length === 0) {
    out.push(
      placed(
        file,
        sub?.range ?? flag.range,
        'NO_SUBSCRIBE_TOPICS',
        'RL076',
        `${OPTED} declares no ` + `subscribe_topics: the tenant stamp never fires, a silent no-op opt-in (${SRC}:219)`,
      ),
    );
  }
  let prefixed = 0;
  for (const t of topics) {
    if (t.kind === 'str' && TENANT_WIRE_PREFIX.test(t.value)) {
      prefixed++;
      continue;
    }
    if (t.kind === 'str' && trusted.has(t.value)) {
      const producers = inp
        .producers(t.value)
        .slice(0, 5)
        .map((p) => ({ ...p, message: 'publishes it' }));
      if (producers.length > 0) {
        out.push(
          placed(
            file,
            t.range,
            'TRUSTED_INTERNAL_HAS_PRODUCER',
            'RL078',
            `subscribe topic '${t.value}' is allowlisted as trusted_internal, but a contract publishes to it: ` +
              `the carve-out is rejected (${SRC}:245)`,
            producers,
          ),
        );
      }
      continue;
    }
    const shown = t.kind === 'str' ? `'${t.value}'` : 'this entry (not a string)';
    out.push(
      placed(
        file,
        t.range,
        'BARE_OR_MIXED_TOPIC',
        'RL076',
        `subscribe topic ${shown} is neither tenant-<slug>.-prefixed nor allowlisted as trusted_internal: ` +
          `a client-supplied tenant_id survives unverified (${SRC}:263)`,
      ),
    );
  }
  if (topics.length > 0 && prefixed === 0) {
    out.push(
      placed(
        file,
        flag.range,
        'NO_PREFIXED_TOPIC',
        'RL076',
        `${OPTED} binds no tenant-<slug>.-prefixed ` +
          `subscribe topic: the stamp never fires, a silent no-op opt-in (${SRC}:284)`,
      ),
    );
  }
  if (entry) out.push(...staleCarveOuts(entry, topics, allowlistFile, flagAt));
  if (!entry?.seamTest) out.push(missingSeamTest(inp, nodeId, entry, flag.range, flagAt));
  return out;
}

/** MISSING_SEAM_TEST (:334): on the flag when the allowlist has no entry for the node, else on the entry. */
function missingSeamTest(
  inp: IngressInput,
  nodeId: string,
  entry: IngressEntry | null,
  flag: Range,
  flagAt: RelatedInfo,
): Placed {
  const { file, allowlistFile, allowlist } = inp;
  const why = !allowlist
    ? `'${allowlistFile}' does not exist`
    : allowlist.empty
      ? `'${allowlistFile}' reads as empty: ${allowlist.empty}`
      : entry
        ? `its entry's seam_test is ${entry.seamProblem ?? 'empty'}`
        : `'${allowlistFile}' has no entry with node_id '${nodeId}'`;
  const message = `${OPTED} names no proving seam test in the allowlist (${why}): the gate fails closed (${SRC}:334)`;
  return entry
    ? placed(allowlistFile, entry.seamRange, 'MISSING_SEAM_TEST', 'RL077', `'${file}' ${message}`, [flagAt])
    : placed(file, flag, 'MISSING_SEAM_TEST', 'RL077', message);
}

/** trusted_internal_topics naming a topic the contract does not subscribe, or a prefixed one (:303-331). */
function staleCarveOuts(
  entry: IngressEntry,
  topics: readonly Lit[],
  allowlistFile: string,
  flagAt: RelatedInfo,
): Placed[] {
  const subscribed = new Set(topics.flatMap((t) => (t.kind === 'str' ? [t.value] : [])));
  const byTopic = [...new Map(entry.trusted.map((t) => [t.value, t])).values()];
  return byTopic
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .flatMap((t) => {
      const [rule, what, line] = !subscribed.has(t.value)
        ? ['TRUSTED_INTERNAL_NOT_SUBSCRIBED', 'which this contract does not subscribe to', 305]
        : TENANT_WIRE_PREFIX.test(t.value)
          ? ['TRUSTED_INTERNAL_IS_PREFIXED', 'which is already tenant-<slug>.-prefixed and stamped', 318]
          : [null, '', 0];
      if (!rule) return [];
      const message =
        `trusted_internal_topics of '${entry.nodeId.value}' names '${t.value}', ${what} ` +
        `(${flagAt.file}): remove the stale designation (${SRC}:${line})`;
      return [placed(allowlistFile, t.range, rule, 'RL078', message, [flagAt])];
    });
}
