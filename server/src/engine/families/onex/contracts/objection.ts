// One validator's objection to a node or handler contract: which validator, its own rule id, the code
// Registry Lens reports it under, where, why, and what the validator does about it (fails, or warns).
import type { Range } from '../../../types';
import type { OnexContractCode } from './codes';
import type { ValidatorId } from './validators';

export interface Objection {
  validator: ValidatorId;
  /** The validator's own rule id (`CONTRACT-003`, `OMN-14141`, `check 5`, …). */
  rule: string;
  code: OnexContractCode;
  range: Range;
  message: string;
  /** `fail`: the validator fails, or the loader drops the contract; `warn`: it only warns. */
  level: 'fail' | 'warn';
}
