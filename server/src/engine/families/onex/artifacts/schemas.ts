// The ONEX JSON schemas (schemas/onex-*.schema.json), compiled once per process with ajv, and the
// schema of a YAML node (schema/walk.ts over the set of documents) for messages, hover and completion.
// Registry violations are RL040, metadata violations RL020.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import registrySchema from '../../../../../../schemas/onex-registry.schema.json';
import metadataSchema from '../../../../../../schemas/onex-metadata.schema.json';
import nodeSchema from '../../../../../../schemas/onex-node.schema.json';
import cliToolSchema from '../../../../../../schemas/onex-cli-tool.schema.json';
import runtimeSchema from '../../../../../../schemas/onex-runtime.schema.json';
import contractSchema from '../../../../../../schemas/onex-contract.schema.json';
import type { Lit } from '../../../literal';
import { misspeltKey, schemaProblems, type SchemaProblem } from '../../../schema/problems';
import { SchemaWalker, type SchemaNode } from '../../../schema/walk';
import type { ArtifactList } from './kinds';
import { once, stringMemo } from '../../../util/memo';

export type OnexSchemaName = 'registry' | 'node' | 'cli-tool' | 'runtime' | 'contract' | 'common';

const DOCS: Record<string, SchemaNode> = {
  'onex-registry.schema.json': registrySchema as SchemaNode,
  'onex-metadata.schema.json': metadataSchema as SchemaNode,
  'onex-node.schema.json': nodeSchema as SchemaNode,
  'onex-cli-tool.schema.json': cliToolSchema as SchemaNode,
  'onex-runtime.schema.json': runtimeSchema as SchemaNode,
  'onex-contract.schema.json': contractSchema as SchemaNode,
};
const ROOTS: Record<OnexSchemaName, { doc: string; pointer: string }> = {
  registry: { doc: 'onex-registry.schema.json', pointer: '' },
  node: { doc: 'onex-node.schema.json', pointer: '' },
  'cli-tool': { doc: 'onex-cli-tool.schema.json', pointer: '' },
  runtime: { doc: 'onex-runtime.schema.json', pointer: '' },
  contract: { doc: 'onex-contract.schema.json', pointer: '' },
  common: { doc: 'onex-metadata.schema.json', pointer: '/$defs/common' },
};

export const SCHEMA_OF_LIST: Record<ArtifactList, OnexSchemaName> = {
  nodes: 'node',
  cli_tools: 'cli-tool',
  runtimes: 'runtime',
  contracts: 'contract',
  adapters: 'common',
  packages: 'common',
};

const validators = once((): Map<OnexSchemaName, ValidateFunction> => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(metadataSchema);
  const out = new Map<OnexSchemaName, ValidateFunction>();
  for (const [n, r] of Object.entries(ROOTS) as [OnexSchemaName, { doc: string; pointer: string }][]) {
    const id = (DOCS[r.doc] as { $id: string }).$id;
    out.set(
      n,
      r.pointer ? (ajv.getSchema(`${id}#${r.pointer}`) as ValidateFunction) : ajv.compile(DOCS[r.doc] as object),
    );
  }
  return out;
});

function validator(name: OnexSchemaName): ValidateFunction {
  return validators().get(name) as ValidateFunction;
}

/** Schema problems of a document, one per node (the first message wins where `anyOf` branches disagree). */
export function validateOnex(name: OnexSchemaName, root: Lit): SchemaProblem[] {
  const seen = new Set<string>();
  const unknownKey = (key: string, segments: string[], node: Lit): SchemaProblem | null =>
    misspeltKey('ONEX', key, Object.keys(onexSchemaAt(name, segments)?.properties ?? {}), segments, node);
  return schemaProblems(validator(name), root, { unknownKey, keepPlain: true }).filter((p) => {
    const key = JSON.stringify(p.range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const walkerOf = stringMemo((name: string): SchemaWalker => {
  const root = ROOTS[name as OnexSchemaName];
  return new SchemaWalker(
    root.pointer ? { $ref: `${root.doc}#${root.pointer}` } : (DOCS[root.doc] as SchemaNode),
    DOCS,
  );
});

/** The merged schema of the node at `segments` (property names and list indices). */
export function onexSchemaAt(name: OnexSchemaName, segments: readonly string[]): SchemaNode | null {
  return walkerOf(name).at(segments) ?? null;
}
