// RL101: a subscription auto-wiring never reads. Discovery takes a contract's topics from its `event_bus`
// mapping alone (omnibase_infra runtime/auto_wiring/discovery.py:410-422), and the wiring subscribes to
// `event_bus.subscribe_topics` only (handler_wiring.py:4150); a contract with none there is skipped whole
// (handler_wiring.py:4790-4800). A topic listed at the top level or under `events.subscribes` is never subscribed,
// and nothing says so.
import { at, type ContractDoc, type Topic } from './contractDoc';
import type { Objection } from './objection';

/** Whether auto-wiring subscribes the node to a topic it lists. */
export function unwired(t: Topic): boolean {
  return t.dir === 'subscribe' && t.under !== 'event_bus';
}

export function unwiredSubscriptions(doc: ContractDoc): Objection[] {
  const topics = doc.topics.filter(unwired);
  if (topics.length === 0) return [];
  // Read from the file, not `doc.topics`: that lists one form only, as the compliance scan reads them.
  const declared = at(doc.root, 'event_bus.subscribe_topics');
  const wired = declared?.kind === 'list' && declared.items.length > 0;
  // handler_wiring.py:4790-4800 skips a contract without event_bus.subscribe_topics.
  const node = wired ? '' : ', nor is the node';
  return topics.map((t) => ({
    validator: 'auto-wiring',
    rule: 'subscribe_topics',
    code: 'RL101',
    range: t.range,
    level: 'warn',
    message:
      'Auto-wiring reads only event_bus.subscribe_topics (discovery.py:412-415): this ' +
      `${t.under === 'top' ? 'top-level subscription' : 'subscription under events.subscribes'} is never wired${node}`,
  }));
}
