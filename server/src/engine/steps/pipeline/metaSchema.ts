// The companion metadata schema (schemas/meta.schema.json, JSON Schema 2020-12) as a walker: the schema of the
// value at a path, for hover and completion. Checking a document against it is the rule of the member that scans
// modules (member.ts `readMeta`).
import schemaJson from '../../../../../schemas/meta.schema.json';
import { SchemaWalker, type SchemaNode } from '../../schema/walk';

export const META_SCHEMA = schemaJson as SchemaNode;
const WALKER = new SchemaWalker(META_SCHEMA);

/** The schema of the value at a JSON pointer (`/dependencies/0`), for messages and completion. */
export function schemaAt(segments: readonly string[]): SchemaNode | null {
  return WALKER.at(segments) ?? null;
}
