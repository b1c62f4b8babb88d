// The topic-naming gate's Python half (topicPython.ts) run on the modules the family's layout gave it: one
// unit per module holding a topic constant (the thousands of others have none), each judged with the
// baseline beside the gate's script under the root the hook runs from.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import { sameList } from '../../../util/equality';
import { FAMILY } from './facts';
import type { Objection } from './objection';
import type { ContractQueries } from './queries';
import { TOPIC_BASELINE } from './topicNaming';
import { topicModuleObjections, topicModuleRoot, type TopicLayout } from './topicPython';

const NONE = '';

class TopicModules extends QueryGroup<ContractQueries> {
  /** The scanned modules holding a constant the gate lints, in path order. */
  readonly withTopicsQ: Query<string[]> = this.db.query(
    'onexTopicModules',
    () => this.deps.files.filesOf(FAMILY, 'topics').filter((f) => this.deps.topicLiterals(f).length > 0),
    sameList,
  );
}

const group = perDatabase<TopicModules>();

/** The units of the Python half: one per module holding a topic constant. */
export function topicModuleKeys(c: ContractQueries): string[] {
  return group(c.db, () => new TopicModules(c.db, c)).withTopicsQ(NONE);
}

/** The gate's objections to one scanned module; a baseline the host did not feed counts as absent (:468). */
export function topicModulePlaced(c: ContractQueries, file: string): Objection[] {
  const root = topicModuleRoot(file, c.files.layoutQ(FAMILY) as TopicLayout | null);
  if (root === null) return [];
  const literals = c.topicLiterals(file);
  return topicModuleObjections(file, literals, c.topicBaseline(`${root}${TOPIC_BASELINE}`) ?? []);
}
