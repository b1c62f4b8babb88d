// One `*.registry.json` file alone: a JSON object of step names, each an object whose `class` is a
// string. Its steps with where they are written, its mistakes as local diagnostics.
import type { Diagnostic, Range } from '../../types';
import { dictEntry, keyRange, keyText } from '../../literal';
import { syntaxDiag } from '../../codes';
import { parseYamlLit } from '../../yaml/yamlLit';
import { diag } from './codes';

/** A step a registry file defines, at its key. */
export interface ToyStep {
  name: string;
  range: Range;
}

export function readToyRegistry(path: string, text: string): { facts: ToyStep[]; local: Diagnostic[] } {
  // JSON is YAML: the YAML reader gives every node its range, and reads on after a mistake.
  const { value, errors } = parseYamlLit(text);
  const local = errors.map((e) => syntaxDiag(path, e));
  const facts: ToyStep[] = [];
  for (const e of value?.kind === 'dict' ? value.entries : []) {
    const name = keyText(e);
    if (name === undefined) continue;
    facts.push({ name, range: keyRange(e) });
    const cls = dictEntry(e.value, 'class')?.value;
    if (cls && cls.kind !== 'str') local.push(diag(path, cls.range, 'RL020', `'${name}': class must be a string`));
  }
  return { facts, local };
}
