// The columns a member adds to `list` (e.g. a step's type, builder and config class), each one of an
// entry's registry fields: the member declares them (member.ts `StepParts.listColumns`), the model fills them.
import type { ListColumn } from '../../api';
import type { StepEntry } from './entry';
import { fieldStr } from './source';

/** A column of `list`: an entry's registry field `field`, when a string (none otherwise). */
export interface StepColumn extends ListColumn {
  readonly field: string;
}

/** An entry's value in each column, by key. */
export function columnValues(columns: readonly StepColumn[], e: StepEntry): Record<string, string | null> {
  return Object.fromEntries(columns.map((c) => [c.key, fieldStr(e, c.field)]));
}
