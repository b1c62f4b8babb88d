// The step-interface schema (schemas/step-interface.schema.json, written from cursus's Pydantic
// `StepInterface`), compiled once per process; RL020 for its violations, RL016 for unknown keys close
// to a known one, and the walker hover and completion read descriptions and values from. The schema has
// no `additionalProperties: false` (cursus ignores unknown keys: only RL016 names them), and scalars are
// read by PyYAML's rule before validating (docs/cursus-interfaces.md, "Schema").
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../../../../schemas/step-interface.schema.json';
import type { Diagnostic } from '../../../types';
import { dictEntry, type Lit } from '../../../literal';
import { diag } from './codes';
import { misspeltKey, schemaProblems } from '../../../schema/problems';
import { SchemaWalker, type SchemaNode } from '../../../schema/walk';
import { once, stringMemo } from '../../../util/memo';

export const INTERFACE_SCHEMA = new SchemaWalker(schemaJson as SchemaNode);

const validator = once((): ValidateFunction => new Ajv2020({ allErrors: true, strict: true }).compile(schemaJson));

/** RL020 at the node of every schema violation. */
export function schemaDiagnostics(file: string, root: Lit): Diagnostic[] {
  const problems = schemaProblems(validator(), root, {});
  return problems.map((p) => diag(file, p.range, 'RL020', p.message));
}

/**
 * The schema at a path of keys, memoised for the process (the schema never changes; capped, since map keys such as
 * dependency names vary).
 */
const schemaAtKey = stringMemo((k: string): { known: string[]; exists: boolean } => {
  const node = INTERFACE_SCHEMA.at(k === '' ? [] : k.split('\0'));
  return { known: Object.keys(node?.properties ?? {}), exists: node !== undefined };
}, 10_000);

function schemaAt(path: string[]): { known: string[]; exists: boolean } {
  return schemaAtKey(path.join('\0'));
}

/** RL016 on a key the schema does not know at its level but that is within edit distance 2 of one it does. */
export function nearMissKeys(file: string, root: Lit): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: Lit, path: string[]): void => {
    if (v.kind === 'list') {
      v.items.forEach((i, n) => walk(i, [...path, String(n)]));
      return;
    }
    if (v.kind !== 'dict') return;
    const { known } = schemaAt(path);
    for (const e of v.entries) {
      if (e.key.kind !== 'str') continue;
      const key = e.key.value;
      if (known.length > 0 && !known.includes(key)) {
        const p = misspeltKey('cursus', key, known, path, e.key);
        if (p?.rename) {
          const { newText } = p.rename;
          const fix = { title: `Rename to '${newText}'`, preferred: true, edits: [{ file, edits: [p.rename] }] };
          // renaming onto a key the mapping has already would duplicate it (YAML rejects the document)
          out.push(diag(file, p.range, 'RL016', p.message, { fixes: dictEntry(v, newText) ? [] : [fix] }));
        }
        continue;
      }
      if (schemaAt([...path, key]).exists) walk(e.value, [...path, key]);
    }
  };
  walk(root, []);
  return out;
}
