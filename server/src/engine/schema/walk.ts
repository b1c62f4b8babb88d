// Walks JSON schemas the way a YAML document nests: through `$ref`s (into `$defs` or another document
// of the set), `allOf`s and the branches of an `anyOf` (sections that may be empty), through
// `properties`, `additionalProperties` (maps keyed by names) and `items`, merging what every branch
// says about a node. Hover, completion and the near-miss key checks (RL016, RL020) use it.

export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  examples?: unknown[];
  default?: unknown;
  pattern?: string;
  $ref?: string;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  items?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

const MAX_DEPTH = 16;

interface Part {
  node: SchemaNode;
  branch: boolean;
}

export class SchemaWalker {
  /** The document (key of `docs`, '' for the root's own) each schema node belongs to, for relative `$ref`s. */
  private readonly owner = new Map<SchemaNode, string>();
  private readonly docs: Record<string, SchemaNode>;

  /**
   * `docs`: other documents `$ref`s may name (`other.schema.json#/$defs/x`), by file name; `root` may lie inside one.
   */
  constructor(
    private readonly root: SchemaNode,
    docs: Record<string, SchemaNode> = {},
  ) {
    this.docs = { ...docs };
    for (const [name, doc] of Object.entries(docs)) this.own(doc, name);
    if (!this.owner.has(root)) {
      this.docs[''] = root;
      this.own(root, '');
    }
  }

  /** The node with its `$ref`s and `allOf`s merged in (the referring node's description first). */
  resolve(node: SchemaNode | undefined): SchemaNode | undefined {
    return node ? merge(this.parts(node, 0, false)) : undefined;
  }

  /** The merged schema at a path of keys (list indexes as digits). */
  at(segments: readonly string[]): SchemaNode | undefined {
    let nodes = this.parts(this.root, 0, false);
    for (const seg of segments) {
      nodes = nodes.flatMap(({ node: n }) => {
        const child =
          /^\d+$/.test(seg) && n.items
            ? n.items
            : (n.properties?.[seg] ??
              (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined));
        return child ? this.parts(child, 0, false) : [];
      });
      if (nodes.length === 0) return undefined;
    }
    return merge(nodes);
  }

  /** The named keys a mapping at this path may hold (none for free-form maps). */
  keysAt(segments: readonly string[]): Record<string, SchemaNode> {
    return this.at(segments)?.properties ?? {};
  }

  /** The enumerated values allowed at a path (through `anyOf` branches), for completion. */
  enumAt(segments: readonly string[]): string[] {
    return (this.at(segments)?.enum ?? []).filter((v): v is string => typeof v === 'string');
  }

  /** The description at a path (the referring node's own first). */
  describe(segments: readonly string[]): string | undefined {
    return this.at(segments)?.description;
  }

  /**
   * A node, what it `$ref`s, its `allOf`s and its `anyOf` branches (marked: they only may apply), each expanded the
   * same way.
   */
  private parts(node: SchemaNode, depth: number, branch: boolean): Part[] {
    if (depth > MAX_DEPTH) return [];
    const target = node.$ref ? this.target(node) : undefined;
    return [
      { node, branch },
      ...(target ? this.parts(target, depth + 1, branch) : []),
      ...(node.allOf ?? []).flatMap((a) => this.parts(a, depth + 1, branch)),
      ...(node.anyOf ?? []).flatMap((a) => this.parts(a, depth + 1, true)),
    ];
  }

  private target(node: SchemaNode): SchemaNode | undefined {
    const [file = '', pointer = ''] = (node.$ref ?? '').split('#');
    let n: unknown = this.docs[file || (this.owner.get(node) ?? '')];
    for (const seg of pointer.split('/').slice(1))
      n = (n as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    return n && typeof n === 'object' ? (n as SchemaNode) : undefined;
  }

  private own(value: unknown, doc: string): void {
    if (!value || typeof value !== 'object' || this.owner.has(value as SchemaNode)) return;
    if (!Array.isArray(value)) this.owner.set(value as SchemaNode, doc);
    for (const v of Object.values(value)) this.own(v, doc);
  }
}

/**
 * What several schema nodes say about one value: the first description and default, the type it must have, every key
 * and allowed value.
 */
function merge(parts: readonly Part[]): SchemaNode | undefined {
  if (parts.length === 0) return undefined;
  const out: SchemaNode = {};
  for (const { node: n, branch } of parts) {
    out.description ??= n.description;
    if (!branch) out.type ??= n.type;
    out.default ??= n.default;
    out.pattern ??= n.pattern;
    out.examples ??= n.examples;
    out.items ??= n.items;
    out.anyOf ??= n.anyOf;
    if (typeof n.additionalProperties === 'object') out.additionalProperties ??= n.additionalProperties;
    if (n.enum) out.enum = [...new Set([...(out.enum ?? []), ...n.enum])];
    if (n.properties) out.properties = { ...n.properties, ...out.properties };
    if (n.required) out.required = [...new Set([...(out.required ?? []), ...n.required])];
  }
  return out;
}

/** A node's type as hover and completion show it (`string | null`, the `anyOf` branches' types), or undefined. */
export function typeName(node: SchemaNode): string | undefined {
  const names = (n: SchemaNode): string[] => (Array.isArray(n.type) ? n.type : n.type ? [n.type] : []);
  const own = names(node);
  const all = own.length ? own : (node.anyOf ?? []).flatMap(names);
  return all.length ? all.join(' | ') : undefined;
}
