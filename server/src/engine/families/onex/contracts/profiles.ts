// omnibase_core's ValidatorRuntimeProfiles (validation/validator_runtime_profiles.py), its three rules:
// `runtime_profiles_missing` (OMN-9886, RL066), `runtime_profile_unregistered` (OMN-12957, RL065) and
// `runtime_profile_no_consumer_lane` (OMN-12957, RL067). Each is enabled with severity error and the gate
// fails on an error (validation/contracts/runtime_profiles.validation.yaml). The runtime itself accepts any
// name: the ownership filter compares the raw RUNTIME_PROFILE (infra service_kernel.py:2497, profile_ownership.py:103).
import type { Lit } from '../../../literal';
import type { Range } from '../../../types';
import { parseYamlDocs } from '../../../yaml/yamlLit';
import { dirOf, joinRel } from '../../../util/paths';
import { at, str, type ContractDoc } from './contractDoc';
import type { Objection } from './objection';
import { sourceText, type CoreTables } from './coreTables';

interface At {
  value: string;
  range: Range;
}

/** A contract's declared profiles and subscriptions, and the tables they are judged with. */
interface Declared {
  profiles: readonly At[];
  subscribed: readonly At[];
  tables: CoreTables;
}

/** The value `_extract_runtime_profiles` reads (:171): top level unless absent or null, else `descriptor`'s. */
function profilesValue(doc: ContractDoc): Lit | null {
  const top = at(doc.root, 'runtime_profiles');
  return top && top.kind !== 'none' ? top : at(doc.root, 'descriptor.runtime_profiles');
}

/** Declared profiles as the validator reads them (:171-187): a string or a list, its non-blank strings normalised. */
export function declaredProfiles(doc: ContractDoc): At[] {
  return declared(profilesValue(doc));
}

function declared(lit: Lit | null): At[] {
  const items = lit?.kind === 'list' ? lit.items : lit ? [lit] : [];
  return items.flatMap((i) => {
    const s = str(i);
    return s && s.value.trim() ? [{ value: s.value.trim().toLowerCase(), range: s.range }] : [];
  });
}

/** Subscribed topics, both shapes (:190): `event_bus.subscribe_topics: [str]`, `event_bus.subscribe: [{topic}|str]`. */
function subscriptions(doc: ContractDoc): At[] {
  const eb = at(doc.root, 'event_bus');
  if (eb?.kind !== 'dict') return [];
  const list = (l: Lit | null): Lit[] => (l?.kind === 'list' ? l.items : []);
  const classic = list(at(eb, 'subscribe_topics')).flatMap((t) => str(t) ?? []);
  const nested = list(at(eb, 'subscribe')).flatMap((i) => (i.kind === 'dict' ? str(at(i, 'topic')) : str(i)) ?? []);
  return [...classic, ...nested];
}

/** `_node_kind` (:218): the first non-blank `node_type`, `descriptor.node_archetype`; lower case, less `_generic`. */
function nodeKind(doc: ContractDoc): string {
  for (const key of ['node_type', 'descriptor.node_archetype']) {
    const s = str(at(doc.root, key));
    if (s && s.value.trim())
      return s.value
        .trim()
        .toLowerCase()
        .replace(/_generic$/, '');
  }
  return '';
}

/**
 * The objections of the three rules, unless the contract's `name` is allowlisted (exempt from all, :307), judged with
 * the project's omnibase_core tables (coreTables.ts).
 */
export function profileObjections(doc: ContractDoc, allowlisted: ReadonlySet<string>, tables: CoreTables): Objection[] {
  const name = str(at(doc.root, 'name'))?.value;
  if (name !== undefined && allowlisted.has(name)) return [];
  const value = profilesValue(doc);
  const profiles = declared(value);
  const subscribed = subscriptions(doc);
  return [
    ...missing(doc, value, { profiles, subscribed, tables }),
    // Rules the project's validator does not have are not run (coreTables.ts `noRegistry`).
    ...(tables.noRegistry === null ? unregistered(profiles, tables) : []),
    ...(tables.noRegistry === null ? noConsumerLane(doc, value, { profiles, subscribed, tables }) : []),
  ];
}

/** `runtime_profiles_missing` (:324): subscribes to `onex.cmd.*`, no profile; on the empty value, else the topic. */
function missing(doc: ContractDoc, value: Lit | null, { profiles, subscribed, tables }: Declared): Objection[] {
  const command = subscribed.find((t) => t.value.startsWith(tables.commandPrefix));
  if (!command || profiles.length > 0) return [];
  const node = str(at(doc.root, 'name'))?.value ?? 'this node';
  return [
    {
      validator: 'runtime-profiles',
      rule: 'runtime_profiles_missing',
      code: 'RL066',
      range: value?.range ?? command.range,
      level: 'fail',
      message:
        `'${node}' consumes the command topic '${command.value}' but declares no runtime_profiles: ` +
        'the gate fails (validator_runtime_profiles.py:345)',
    },
  ];
}

/** `runtime_profile_unregistered` (:362): one objection per name outside the registry, on the name. */
function unregistered(profiles: readonly At[], tables: CoreTables): Objection[] {
  const known = tables.registered.join(', ');
  return profiles
    .filter((p) => !tables.registered.includes(p.value))
    .map((p) => ({
      validator: 'runtime-profiles',
      rule: 'runtime_profile_unregistered',
      code: 'RL065',
      range: p.range,
      level: 'fail',
      message: `'${p.value}' is not a registered runtime profile: the gate fails (validator_runtime_profiles.py:362)`,
      details: [
        { range: p.range, message: `registered: ${known}` },
        { range: p.range, message: `the registry: ${sourceText('registered', tables.sources.registered)}` },
      ],
    }));
}

/** `runtime_profile_no_consumer_lane` (:398): a subscribing reducer/effect whose registered profiles run no consumer */
function noConsumerLane(doc: ContractDoc, value: Lit | null, { profiles, subscribed, tables }: Declared): Objection[] {
  const kind = nodeKind(doc);
  if (!tables.consumerRequiring.includes(kind) || subscribed.length === 0 || !value) return [];
  const registered = profiles.filter((p) => tables.registered.includes(p.value)).map((p) => p.value);
  if (registered.length === 0 || registered.some((p) => tables.consumerAttached.includes(p))) return [];
  return [
    {
      validator: 'runtime-profiles',
      rule: 'runtime_profile_no_consumer_lane',
      code: 'RL067',
      range: value.range,
      level: 'fail',
      message:
        `runtime_profiles [${registered.join(', ')}] run no standalone consumer, so this ${kind}'s subscriptions ` +
        'are never drained (validator_runtime_profiles.py:435)',
      details: [
        { range: value.range, message: `name one of ${[...tables.consumerAttached].sort().join(', ')}` },
        ...subscribed.slice(0, 1).map((t) => ({ range: t.range, message: `subscribes to '${t.value}'` })),
      ],
    },
  ];
}

/** The node ids of a `runtime_profiles_allowlist.yaml` (`allowlist: [{node_id, reason}]`, :95). */
export function readAllowlist(text: string): string[] {
  const root = parseYamlDocs(text).find((d) => d.value !== null)?.value ?? null;
  const list = at(root, 'allowlist');
  return (list?.kind === 'list' ? list.items : []).flatMap((e) => {
    const id = str(at(e, 'node_id'))?.value.trim();
    return id ? [id] : [];
  });
}

/** `allowlist_path=Path("…")`, its quotes escaped or not (inside a double-quoted YAML scalar). */
const PASSED_ALLOWLIST = /allowlist_path\s*=\s*Path\(\s*\\?["']([^"'\\\n]{1,500})\\?["']\s*\)/g;

/**
 * The allowlists a gate file passes to the validator (`allowlist_path=Path("…")`, replacing core's default,
 * :254-260; omnibase_infra's pre-commit and CI pass `config/validation/…`), relative to the repository the
 * gate runs in: the directory of `.pre-commit-config.yaml`, or above `.github/workflows/`.
 */
export function passedAllowlists(gate: string, text: string): string[] {
  if (!/validator_runtime_profiles|ValidatorRuntimeProfiles/.test(text)) return [];
  const root = dirOf(gate).replace(/(?:^|\/)\.github\/workflows$/, '');
  return [...text.matchAll(PASSED_ALLOWLIST)].flatMap((m) => joinRel(root, m[1] ?? '') ?? []);
}
