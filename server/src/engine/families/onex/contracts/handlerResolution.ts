// `onex compliance check`'s check 2, handler_resolution (omnibase_core cli/cli_compliance.py:110-137): the
// node passes when `handler_routing.default_handler`'s module part names a `.py` file beside its contract,
// or a `handler.py` lies there; otherwise it fails the node. The files are asked of the host (queries.ts).
import type { Range } from '../../../types';
import { dirOf, joinRel } from '../../../util/paths';
import { at, topKeys, type ContractDoc } from './contractDoc';
import type { Objection } from './objection';

/** The files the check looks for, in order: default_handler's module + `.py` (:120-127), `handler.py` (:128-133). */
export function handlerFiles(contract: string, doc: ContractDoc): string[] {
  const dir = dirOf(contract);
  const dh = at(doc.root, 'handler_routing.default_handler');
  // A mapping or list names no file (its repr + `.py`); a number or boolean crashes the CLI (`":" in 5`).
  const value = dh?.kind === 'str' ? dh.value : '';
  const own = value ? joinRel(dir, `${value.split(':')[0] ?? ''}.py`) : null;
  return [...new Set([...(own ? [own] : []), joinRel(dir, 'handler.py') ?? 'handler.py'])];
}

/** The check's objection, when none of its files exists; a contract that is not a mapping fails check 1 instead. */
export function handlerResolution(contract: string, doc: ContractDoc, exists: (file: string) => boolean): Objection[] {
  const root = doc.root;
  if (root?.kind !== 'dict') return [];
  const files = handlerFiles(contract, doc);
  // An empty mapping is falsy: the check never looks (`if contract_data:`, :112).
  if (root.entries.length > 0 && files.some(exists)) return [];
  const dh = at(root, 'handler_routing.default_handler');
  const range: Range = dh?.range ?? at(root, 'name')?.range ?? topKeys(root)[0]?.range ?? root.range;
  const names = files.map((f) => `'${f.slice(f.lastIndexOf('/') + 1)}'`);
  const what = names.length > 1 ? `Neither ${names.join(' nor ')} lies` : `${names.join('')} does not lie`;
  return [
    {
      validator: 'compliance-check',
      rule: 'handler_resolution',
      code: 'RL068',
      range,
      level: 'fail',
      message: `${what} beside the contract: the node fails handler_resolution (cli_compliance.py:110-137)`,
    },
  ];
}
