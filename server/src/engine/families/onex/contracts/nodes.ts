// The nodes of an ONEX repository as the editor features show them: each `onex.nodes` entry point with
// what it resolves to, and each node contract no entry point reaches; with the validators' verdicts.
import type { Position } from '../../../types';
import { contains } from '../../../text/ranges';
import { baseName, dirOf } from '../../../util/paths';
import { at, type ContractDoc, type Topic } from './contractDoc';
import { entryKey, type ContractQueries, type EntryRef, type EntryResolution } from './queries';
import { shapeObjections } from './shapeRules';
import { profileObjections } from './profiles';
import { handlerResolution } from './handlerResolution';
import { ingressPlaced } from './ingressCheck';
import type { Placed } from './ingress';
import { reads, VALIDATOR_IDS, type ValidatorId } from './validators';
import { topicPlaced } from './topicCheck';
import { unwiredSubscriptions } from './unwiredTopics';
import type { Objection } from './objection';

export interface OnexNode {
  /** The entry point's name, or the contract's name (directory name) without one. */
  name: string;
  entry: EntryRef | null;
  resolution: EntryResolution | null;
  contract: string | null;
  doc: ContractDoc | null;
}

export function nodesOf(c: ContractQueries): OnexNode[] {
  const out: OnexNode[] = c.entriesQ('').map((e) => {
    const resolution = c.resolutionQ(entryKey(e.file, e.index));
    const contract = resolution?.contract ?? null;
    return { name: e.ep.name, entry: e, resolution, contract, doc: contract ? c.contract(contract) : null };
  });
  const owned = new Set(out.map((n) => n.contract));
  for (const f of c.contracts()) {
    const doc = c.contract(f);
    if (!owned.has(f) && doc && baseName(dirOf(dirOf(f))) === 'nodes')
      out.push({ name: doc.name?.value ?? baseName(dirOf(f)), entry: null, resolution: null, contract: f, doc });
  }
  return out;
}

export function nodeNamed(c: ContractQueries, name: string): OnexNode | null {
  const all = nodesOf(c);
  return all.find((n) => n.name === name) ?? all.find((n) => n.doc?.name?.value === name) ?? null;
}

/** The node whose entry point (pyproject) or contract holds a position. */
export function nodeAt(c: ContractQueries, file: string, pos: Position): OnexNode | null {
  const all = nodesOf(c);
  return (
    all.find(
      (n) => n.entry?.file === file && (contains(n.entry.ep.nameRange, pos) || contains(n.entry.ep.valueRange, pos)),
    ) ??
    all.find((n) => n.contract === file) ??
    null
  );
}

/**
 * Each validator's objections to a node's contract (every validator, run here or not: Explain shows where they
 * disagree), and what it does without one (`note`: auto-wiring may still skip the node).
 */
export function verdicts(
  c: ContractQueries,
  n: OnexNode,
): { id: ValidatorId; runs: boolean; reads: boolean; objections: Objection[]; note: string }[] {
  const active = c.validatorsQ('');
  // A contract with a syntax error gets nothing that needs its content (contractDoc.ts `broken`).
  const doc = n.doc?.broken ? null : n.doc;
  const file = n.contract;
  // Handler files are fed only where the check runs (queries.ts wantedQ): elsewhere their absence says nothing.
  const checked = active.includes('compliance-check');
  const handler = doc && file && checked ? handlerResolution(file, doc, (f) => c.files.exists(f)) : [];
  const profiles = doc && file ? profileObjections(doc, c.allowlistedFor(file), c.coreTablesQ('')) : [];
  // The tenant gate's findings placed in its allowlist are shown at the contract's flag (their related place).
  const atFlag = (p: Placed): Objection => ({ ...p.objection, range: p.related[0]?.range ?? p.objection.range });
  const ingress =
    doc && file ? ingressPlaced(c, file, doc).map((p) => (p.file === file ? p.objection : atFlag(p))) : [];
  const topics = doc && file ? topicPlaced(c, file, doc) : [];
  const unwired = doc ? unwiredSubscriptions(doc) : [];
  const all = doc ? [...shapeObjections(doc), ...profiles, ...handler, ...ingress, ...topics, ...unwired] : [];
  return VALIDATOR_IDS.filter((id) => id !== 'handler-source').map((id) => ({
    id,
    runs: active.includes(id),
    reads: n.contract !== null && (id === 'auto-wiring' ? n.entry !== null : reads(id, n.contract)),
    objections: all.filter((o) => o.validator === id),
    note: id === 'auto-wiring' ? discoveryNote(c, n) : 'accepts',
  }));
}

/**
 * What discovery does with a node it raises no objection to, conditions included (shown in hover and Explain:
 * no upstream line, docs/onex-contracts.md cites them). The duplicate-name guard: discovery.py:216-248.
 */
function discoveryNote(c: ContractQueries, n: OnexNode): string {
  const first = n.entry ? c.duplicatesQ('').get(entryKey(n.entry.file, n.entry.index)) : undefined;
  if (first) {
    return (
      `skips it: the contract name '${first.name}' is already registered by entry point '${first.ep}' ` +
      `('${first.contract}'), and the first registration wins`
    );
  }
  // `_contract_requires_cloud_gateway` (discovery.py:69-83), skipped unless mirroring is on (:86-105, :213, :308).
  if (n.doc && at(n.doc.root, 'config.gateway_forwarder.cloud_leg')?.kind === 'dict') {
    return (
      // The values: omnibase_infra utils/util_runtime_packages.py:78-101.
      'wires it only where ONEX_GATEWAY_CLOUD_MIRRORING_ENABLED is 1, true, yes or on: the contract declares ' +
      'config.gateway_forwarder.cloud_leg, and discovery skips it on every other lane'
    );
  }
  return 'accepts';
}

/** The other nodes on the far side of a topic (subscribers of what it publishes, publishers of what it subscribes). */
export function peers(c: ContractQueries, t: Topic, self: OnexNode): OnexNode[] {
  return nodesOf(c).filter(
    (n) =>
      n !== self &&
      n.contract !== self.contract &&
      (n.doc?.topics ?? []).some((x) => x.topic === t.topic && x.dir !== t.dir),
  );
}
