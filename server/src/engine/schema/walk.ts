// Walks a JSON schema the way a YAML document nests: through `$ref`s into `$defs`, into the mapping
// branch of an `anyOf` (sections that may be empty), through `properties`, `additionalProperties`
// (maps keyed by names) and `items`. Hover, completion and the near-miss key check (RL016) use it.

export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
  $ref?: string;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  items?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

export class SchemaWalker {
  constructor(private readonly root: SchemaNode) {}

  /** The node with `$ref`s followed (keeping the referring node's description when it has one). */
  resolve(node: SchemaNode | undefined): SchemaNode | undefined {
    let n = node;
    const description = node?.description;
    for (let i = 0; n?.$ref && i < 16; i++) {
      const name = n.$ref.replace(/^#\/\$defs\//, '');
      n = this.root.$defs?.[name];
    }
    return n && description && !n.description ? { ...n, description } : n;
  }

  /** The mapping (or list) branch of a node: itself, or the first `anyOf` branch that is not `null`. */
  private structural(node: SchemaNode | undefined): SchemaNode | undefined {
    const n = this.resolve(node);
    if (!n?.anyOf) return n;
    for (const b of n.anyOf) {
      const r = this.resolve(b);
      if (r && r.type !== 'null') return r;
    }
    return n;
  }

  /** The schema of the value under `key` of a mapping described by `node`. */
  child(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
    const n = this.structural(node);
    if (!n) return undefined;
    if (/^\d+$/.test(key) && n.items) return n.items;
    const p = n.properties?.[key];
    if (p) return p;
    return typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined;
  }

  /** The schema at a path of keys (list indexes as digits). */
  at(segments: readonly string[]): SchemaNode | undefined {
    let s: SchemaNode | undefined = this.root;
    for (const seg of segments) {
      s = this.child(s, seg);
      if (!s) return undefined;
    }
    return s;
  }

  /** The named keys a mapping at this path may hold (none for free-form maps). */
  keysAt(segments: readonly string[]): Record<string, SchemaNode> {
    return this.structural(this.at(segments))?.properties ?? {};
  }

  /** The enumerated values allowed at a path (through `anyOf` branches), for completion. */
  enumAt(segments: readonly string[]): string[] {
    const n = this.resolve(this.at(segments));
    const all = [n, ...(n?.anyOf ?? []).map((b) => this.resolve(b))];
    return all.flatMap((b) => (b?.enum ?? []).filter((v): v is string => typeof v === 'string'));
  }

  /** The description at a path (the referring node's own first). */
  describe(segments: readonly string[]): string | undefined {
    return this.resolve(this.at(segments))?.description;
  }
}
