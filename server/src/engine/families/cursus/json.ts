// A JSON file as Python's `json.loads` sees it, with the range of every node (cursus's DAGs and configs):
// validity is JSON.parse's (as strict as `json.loads`, but for NaN and Infinity, which no DAG holds), the nodes
// and their ranges the YAML reader's (JSON is YAML), and a repeated key's value is the last one written, as in Python.
import type { Range } from '../../types';
import type { Lit } from '../../literal';
import { parseYamlLit } from '../../yaml/yamlLit';
import { LineIndex } from '../../text/lineIndex';

export type JsonRead = { root: Lit | null; error: null } | { root: null; error: { range: Range; message: string } };

export function readJson(text: string): JsonRead {
  try {
    JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Math.min(Number(at[1]), text.length) : text.length;
    const range = new LineIndex(text).range(offset, Math.min(offset + 1, text.length));
    return { root: null, error: { range, message: message.replace(/ in JSON at position.*$/, '') } };
  }
  return { root: parseYamlLit(text).value, error: null };
}

/** The value of a key of an object, the last one written. */
export function lastValue(d: Lit & { kind: 'dict' }, key: string): Lit | undefined {
  let out: Lit | undefined;
  for (const e of d.entries) if (e.key.kind === 'str' && e.key.value === key) out = e.value;
  return out;
}
