// The topic-naming gate (topicNaming.ts) run on one contract of the repository, with the baseline the host
// fed from beside the gate's script under the root the gate runs from.
import type { ContractDoc } from './contractDoc';
import type { Objection } from './objection';
import type { ContractQueries } from './queries';
import { TOPIC_BASELINE, topicGateRoot, topicObjections } from './topicNaming';

/**
 * The gate run on one contract of the repository (none where it does not scan the contract). A baseline that does not
 * exist suppresses nothing (`_load_baseline`, :468); one the host did not feed (binary, too large) has its own
 * "Not analysed" warning and counts as absent.
 */
export function topicPlaced(c: ContractQueries, file: string, doc: ContractDoc): Objection[] {
  const root = topicGateRoot(file);
  if (root === null) return [];
  return topicObjections(file.slice(root.length), doc, c.topicBaseline(`${root}${TOPIC_BASELINE}`) ?? []);
}
