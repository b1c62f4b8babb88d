// One validator's objection to a node or handler contract: which validator, its own rule id, the code
// Registry Lens reports it under, where, why, and what the validator does about it (fails, or warns).
import type { Range } from '../../../types';
import type { OnexContractCode } from './codes';
import type { ValidatorId } from './validators';

export interface Objection {
  validator: ValidatorId;
  /** The validator's own rule id (`CONTRACT-003`, `check 5`, …), else what it checks (`handler_routing`); no ticket. */
  rule: string;
  code: OnexContractCode;
  range: Range;
  message: string;
  /** `fail`: the validator fails, or the loader drops the contract; `warn`: it only warns. */
  level: 'fail' | 'warn';
  /** Related lines in the same file: what the one-line message leaves out (a list, the place it names). */
  details?: readonly { range: Range; message: string }[];
}

/**
 * An objection's message without the upstream lines and tickets it cites (`(discovery.py:147)`, `(OMN-14141)`), as
 * the Problems panel and Explain show it: a bare file name sends the reader to the repository's own files, and the
 * message is shorter; docs/onex-contracts.md cites each rule with its package and path (and names the versions
 * read), the code keeps the citations.
 */
export function uncited(message: string): string {
  // The blanks before a citation go with it, trimmed from the text before it: a pattern that began with `\s*`
  // would try every blank of a long run (a module name the user wrote) as a start, quadratic in the run.
  let out = '';
  let from = 0;
  for (const m of message.matchAll(CITATION)) {
    out += message.slice(from, m.index).trimEnd();
    from = m.index + m[0].length;
  }
  return out + message.slice(from);
}

const CITATION = /\((?:[\w./-]+\.py:[\d,\s-]+|OMN-\d+)\)/g;
