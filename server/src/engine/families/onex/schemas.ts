// The ONEX JSON schemas (schemas/onex-*.schema.json), compiled once per process with ajv, and a walker
// that finds the schema of a YAML node (merging `allOf`/`$ref` and the object branch of `anyOf`) for
// messages, hover and completion. Registry violations are RL040, metadata violations RL020.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import registrySchema from '../../../../../schemas/onex-registry.schema.json';
import metadataSchema from '../../../../../schemas/onex-metadata.schema.json';
import nodeSchema from '../../../../../schemas/onex-node.schema.json';
import cliToolSchema from '../../../../../schemas/onex-cli-tool.schema.json';
import runtimeSchema from '../../../../../schemas/onex-runtime.schema.json';
import contractSchema from '../../../../../schemas/onex-contract.schema.json';
import type { Lit } from '../../literal';
import { nearMiss, pathLabel, schemaProblems, type SchemaProblem } from '../../schema/problems';
import type { SchemaNode } from '../../schema/walk';
import type { ArtifactList } from './kinds';

export type OnexSchemaName = 'registry' | 'node' | 'cli-tool' | 'runtime' | 'contract' | 'common';

/** A JSON schema node as the walker reads it. */
export interface OnexSchemaNode extends SchemaNode {
  $ref?: string;
  allOf?: OnexSchemaNode[];
  anyOf?: OnexSchemaNode[];
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, OnexSchemaNode>;
  items?: OnexSchemaNode;
}

const DOCS: Record<string, OnexSchemaNode> = {
  'onex-registry.schema.json': registrySchema as OnexSchemaNode,
  'onex-metadata.schema.json': metadataSchema as OnexSchemaNode,
  'onex-node.schema.json': nodeSchema as OnexSchemaNode,
  'onex-cli-tool.schema.json': cliToolSchema as OnexSchemaNode,
  'onex-runtime.schema.json': runtimeSchema as OnexSchemaNode,
  'onex-contract.schema.json': contractSchema as OnexSchemaNode,
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
  nodes: 'node', cli_tools: 'cli-tool', runtimes: 'runtime', contracts: 'contract', adapters: 'common', packages: 'common',
};

let validators: Map<OnexSchemaName, ValidateFunction> | null = null;

function validator(name: OnexSchemaName): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(metadataSchema);
    validators = new Map();
    for (const [n, r] of Object.entries(ROOTS) as [OnexSchemaName, { doc: string; pointer: string }][]) {
      const id = (DOCS[r.doc] as { $id: string }).$id;
      validators.set(n, r.pointer ? (ajv.getSchema(`${id}#${r.pointer}`) as ValidateFunction) : ajv.compile(DOCS[r.doc] as object));
    }
  }
  return validators.get(name) as ValidateFunction;
}

/** Schema problems of a document, one per node (the first message wins where `anyOf` branches disagree). */
export function validateOnex(name: OnexSchemaName, root: Lit): SchemaProblem[] {
  const seen = new Set<string>();
  const unknownKey = (key: string, segments: string[], node: Lit): SchemaProblem | null => {
    const near = nearMiss(key, Object.keys(onexSchemaAt(name, segments)?.properties ?? {}));
    if (!near || node.kind !== 'str') return null;
    const at = segments.length ? ` in ${pathLabel(segments)}` : '';
    return { range: node.range, message: `Unknown key '${key}'${at}: ONEX ignores it, so its value is lost. Did you mean '${near}'?`, rename: { range: node.inner, newText: near } };
  };
  return schemaProblems(validator(name), root, { unknownKey }).filter((p) => {
    const key = JSON.stringify(p.range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerGet(doc: OnexSchemaNode, pointer: string): OnexSchemaNode | undefined {
  let n: unknown = doc;
  for (const seg of pointer.split('/').slice(1)) n = (n as Record<string, unknown> | undefined)?.[seg];
  return n as OnexSchemaNode | undefined;
}

/** The schema nodes a node must satisfy: itself, what it `$ref`s and its `allOf`s, each with the document it lives in. */
function expand(doc: string, s: OnexSchemaNode | undefined, depth = 0): { doc: string; node: OnexSchemaNode }[] {
  if (!s || depth > 8) return [];
  const out = [{ doc, node: s }];
  if (s.$ref) {
    const [file, pointer] = s.$ref.split('#');
    const target = file ? file : doc;
    const base = DOCS[target];
    if (base) out.push(...expand(target, pointer ? pointerGet(base, pointer) : base, depth + 1));
  }
  for (const a of s.allOf ?? []) out.push(...expand(doc, a, depth + 1));
  return out;
}

/** The merged schema of the node at `segments` (property names and list indices). */
export function onexSchemaAt(name: OnexSchemaName, segments: readonly string[]): OnexSchemaNode | null {
  const root = ROOTS[name];
  let parts = expand(root.doc, pointerGet(DOCS[root.doc] as OnexSchemaNode, root.pointer) ?? (DOCS[root.doc] as OnexSchemaNode));
  for (const seg of segments) {
    const next: { doc: string; node: OnexSchemaNode }[] = [];
    for (const { doc, node } of parts) {
      const branches = [node, ...(node.anyOf ?? [])];
      for (const b of branches) {
        const child = /^\d+$/.test(seg) ? b.items : b.properties?.[seg];
        if (child) next.push(...expand(doc, child));
      }
    }
    if (next.length === 0) return null;
    parts = next;
  }
  return merge(parts.map((p) => p.node));
}

function merge(nodes: OnexSchemaNode[]): OnexSchemaNode {
  const out: OnexSchemaNode = {};
  for (const n of nodes) {
    out.description ??= n.description;
    out.type ??= n.type ?? n.anyOf?.map((a) => a.type).filter(Boolean).join(' | ');
    out.examples ??= n.examples;
    out.enum ??= n.enum;
    if (n.properties) out.properties = { ...n.properties, ...out.properties };
    for (const b of n.anyOf ?? []) if (b.properties) out.properties = { ...b.properties, ...out.properties };
  }
  return out;
}
