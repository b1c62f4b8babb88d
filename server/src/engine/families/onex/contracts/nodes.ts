// The nodes of an ONEX repository as the editor features show them: each `onex.nodes` entry point with
// what it resolves to, and each node contract no entry point reaches; with the validators' verdicts.
import type { Position } from '../../../types';
import { contains } from '../../../text/ranges';
import { baseName, dirOf } from '../../../util/paths';
import type { ContractDoc, Topic } from './contractDoc';
import { entryKey, type ContractQueries, type EntryRef, type EntryResolution } from './queries';
import { shapeObjections } from './shapeRules';
import { profileObjections } from './profiles';
import { handlerResolution } from './handlerResolution';
import { ingressPlaced } from './ingressCheck';
import type { Placed } from './ingress';
import { reads, VALIDATOR_IDS, type ValidatorId } from './validators';
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
 * disagree).
 */
export function verdicts(
  c: ContractQueries,
  n: OnexNode,
): { id: ValidatorId; runs: boolean; reads: boolean; objections: Objection[] }[] {
  const active = c.validatorsQ('');
  const doc = n.doc;
  const file = n.contract;
  // Handler files are fed only where the check runs (queries.ts wantedQ): elsewhere their absence says nothing.
  const checked = active.includes('compliance-check');
  const handler = doc && file && checked ? handlerResolution(file, doc, (f) => c.files.exists(f)) : [];
  const profiles = doc && file ? profileObjections(doc, c.allowlistedFor(file)) : [];
  // The tenant gate's findings placed in its allowlist are shown at the contract's flag (their related place).
  const atFlag = (p: Placed): Objection => ({ ...p.objection, range: p.related[0]?.range ?? p.objection.range });
  const ingress =
    doc && file ? ingressPlaced(c, file, doc).map((p) => (p.file === file ? p.objection : atFlag(p))) : [];
  const all = doc ? [...shapeObjections(doc), ...profiles, ...handler, ...ingress] : [];
  return VALIDATOR_IDS.filter((id) => id !== 'handler-source').map((id) => ({
    id,
    runs: active.includes(id),
    reads: n.contract !== null && (id === 'auto-wiring' ? n.entry !== null : reads(id, n.contract)),
    objections: all.filter((o) => o.validator === id),
  }));
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
