// Checks a parsed `*_meta.yaml` against schemas/meta.schema.json (JSON Schema 2020-12) with ajv,
// compiled once per process, and maps every error back to the YAML node it is about, so RL020
// underlines the wrong tag item or the bad version rather than the whole file. apcore reads the keys
// it knows with `meta.get(...)` and ignores the others, so an unknown key is a problem only when it
// is within edit distance 2 of a known one (a likely typo whose value apcore silently drops).
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../../../../schemas/meta.schema.json';
import type { Lit } from '../../../literal';
import { misspeltKey, schemaProblems, type SchemaProblem } from '../../../schema/problems';
import { schemaAt } from '../../../steps/pipeline/metaSchema';
import { once } from '../../../util/memo';

const validator = once((): ValidateFunction => new Ajv2020({ allErrors: true, strict: true }).compile(schemaJson));

/** Schema errors of a meta document's root value, each at its node. */
export function checkMetaSchema(root: Lit): SchemaProblem[] {
  return schemaProblems(validator(), root, { unknownKey, patternHints: PATTERN_HINTS });
}

/** An unknown key is reported only when it likely misspells a known one (RL016). */
function unknownKey(name: string, segments: string[], key: Lit): SchemaProblem | null {
  return misspeltKey('apcore', name, Object.keys(schemaAt(segments)?.properties ?? {}), segments, key);
}

const PATTERN_HINTS: Record<string, string> = {
  tags: "lower-case letters, digits, '_' and '-', starting with a letter",
  version:
    'a version apcore can read (it starts with digits, MAJOR[.MINOR[.PATCH]]; otherwise apcore compares it as 0.0.0)',
  entry_point: "'module:ClassName' (apcore uses the class name after the last ':')",
};
