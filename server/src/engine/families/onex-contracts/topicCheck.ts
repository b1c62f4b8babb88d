// The topic-naming gate (topicNaming.ts) run on one contract of the repository, with the baseline the host
// fed from beside the gate's script under the root the gate runs from.
import type { ContractDoc } from './contractDoc';
import type { Objection } from './objection';
import type { ContractQueries } from './queries';
import { TOPIC_BASELINE, topicGateRoot, topicObjections } from './topicNaming';

/**
 * The gate run on one contract of the repository: none where it does not scan the contract, or where its baseline
 * exists but was not read (then what it suppresses is unknown); a baseline that does not exist suppresses nothing.
 */
export function topicPlaced(c: ContractQueries, file: string, doc: ContractDoc): Objection[] {
  const root = topicGateRoot(file);
  if (root === null) return [];
  const path = `${root}${TOPIC_BASELINE}`;
  const baseline = c.topicBaseline(path);
  if (baseline === null && c.files.exists(path)) return [];
  return topicObjections(file.slice(root.length), doc, baseline ?? []);
}
