// Checks a parsed `*_meta.yaml` against schemas/meta.schema.json (JSON Schema 2020-12) with ajv,
// compiled once per process, and maps every error back to the YAML node it is about, so RL020
// underlines the unknown key, the wrong tag item or the bad version rather than the whole file.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../../schemas/meta.schema.json';
import type { Lit } from '../literal';
import { schemaProblems, type SchemaProblem } from '../schema/problems';

export interface SchemaNode {
  description?: string;
  type?: string;
  default?: unknown;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
}

export const META_SCHEMA = schemaJson as SchemaNode;

export type { SchemaProblem };

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: true }).compile(schemaJson);
  return compiled;
}

const PATTERN_HINTS: Record<string, string> = {
  tags: 'lower-case letters, digits, \'_\' and \'-\', starting with a letter',
  version: 'a semantic version MAJOR.MINOR.PATCH such as 1.0.0',
  entry_point: '\'file.py:ClassName\'',
  sunset_date: 'a date YYYY-MM-DD',
};

/** Schema errors of a meta document's root value, each at its node. */
export function checkMetaSchema(root: Lit): SchemaProblem[] {
  return schemaProblems(validator(), root, { allowedAt: (segments) => Object.keys(schemaAt(segments)?.properties ?? {}), patternHints: PATTERN_HINTS });
}

/** The schema of the value at a JSON pointer (`/dependencies/0`), for messages and completion. */
export function schemaAt(segments: readonly string[]): SchemaNode | null {
  let s: SchemaNode | undefined = META_SCHEMA;
  for (const seg of segments) {
    if (!s) return null;
    s = /^\d+$/.test(seg) && s.items ? s.items : s.properties?.[seg];
  }
  return s ?? null;
}
