// What a TypeScript or JavaScript module file exports, read from its tokens (jsTokens.ts) as
// apcore-typescript's loader would find it after `await import(file)` (registry/entry-point.ts
// `resolveEntryPoint`): each export's name, where it is declared, and what `typeof` and the members
// `isModuleClass` and `validateModule` look at would be — for `new FunctionModule({...})` and
// `module({...})` (decorator.ts), object literals, instances of classes declared in the file, and
// classes (whose static members are what a class export has). Nothing is evaluated: an expression this
// reader cannot see through is `unknown`, and exports it cannot list (`export * from`, CommonJS
// assignments it does not know) make the module `open`. Linear in the tokens; nesting deeper than
// MAX_NESTING is skipped as unknown.
import { bareObject } from '../../util/configData';
import { LineIndex } from '../../text/lineIndex';
import { readDeclarations, type Decl } from './jsDeclarations';
import { MAX_NESTING, NULLISH, SCHEMAS, UNKNOWN, type Val } from './jsValues';
import type { JsExport, JsModule, MemberKind } from '../../model/discovery/jsModule';

/** The fields `mergeModuleMetadata` (registry/metadata-pure.ts) takes from a module object. */
const CODE_FIELDS = ['description', 'name', 'tags', 'version', 'annotations', 'examples', 'metadata', 'documentation'];

export function readJsModule(text: string, file: string): JsModule {
  const read = readDeclarations(text);
  const lines = new LineIndex(text);
  const exports = read.exported.map((x) => {
    const decl = x.decl ?? (x.local !== null ? (read.decls.get(x.local) ?? null) : null);
    return toExport(read.decls, lines, file, x.name, decl, decl ? decl.val : UNKNOWN);
  });
  const throwsOnImport = read.throwsAt ? lines.range(read.throwsAt.start, read.throwsAt.end) : null;
  return { exports, open: read.open, throwsOnImport };
}

type Decls = ReadonlyMap<string, Decl>;

/** The export as the loader sees it. */
function toExport(decls: Decls, lines: LineIndex, file: string, name: string, decl: Decl | null, raw: Val): JsExport {
  const val = resolve(decls, raw, 0);
  const nameRange = decl ? lines.range(decl.nameAt.start, decl.nameAt.end) : lines.range(0, 0);
  const range = decl ? lines.range(decl.start, decl.end) : nameRange;
  const base = {
    name,
    file,
    nameRange,
    range,
    ctorMembers: {} as Record<string, MemberKind>,
    fields: {} as Record<string, unknown>,
  };
  switch (val.t) {
    case 'fm': {
      const opts = val.opts && val.opts.t === 'obj' ? val.opts : null;
      const o = (k: string): Val | undefined => opts?.props.get(k);
      const idKey = val.via === 'module()' ? 'id' : 'moduleId';
      const members: Record<string, MemberKind> = { execute: 'function' };
      for (const s of SCHEMAS) members[s] = opts ? kindOf(resolve(decls, o(s) ?? NULLISH, 0)) : 'unknown';
      const desc = o('description');
      const id = o(idKey);
      const descKind = desc ? kindOf(resolve(decls, desc, 0)) : 'nullish';
      // FunctionModule: `description ?? \`Module ${moduleId}\``.
      members['description'] = !opts ? 'unknown' : descKind === 'nullish' ? 'string' : descKind;
      const fields = { ...fieldsOf(decls, o), ...schemaTexts(opts?.texts) };
      if (opts && descKind === 'nullish')
        fields['description'] = id?.t === 'str' && id.value !== null ? `Module ${id.value}` : undefined;
      if (fields['description'] === undefined) delete fields['description'];
      return { ...base, type: 'object', via: val.via, members, open: !opts || opts.open, fields };
    }
    case 'obj':
    case 'inst': {
      const members = bareObject<MemberKind>();
      for (const [k, v] of val.props) members[k] = kindOf(resolve(decls, v, 0));
      const ctorMembers = bareObject<MemberKind>();
      if (val.t === 'inst') for (const [k, v] of val.statics) ctorMembers[k] = kindOf(resolve(decls, v, 0));
      return {
        ...base,
        type: 'object',
        via: val.via,
        members,
        ctorMembers,
        open: val.open,
        fields: { ...fieldsOf(decls, (k) => val.props.get(k)), ...schemaTexts(val.texts) },
      };
    }
    case 'class': {
      const members = bareObject<MemberKind>();
      for (const [k, v] of val.cls.statics) members[k] = kindOf(resolve(decls, v, 0));
      return {
        ...base,
        type: 'function',
        via: 'class',
        members,
        open: val.cls.open,
        fields: { ...fieldsOf(decls, (k) => val.cls.statics.get(k)), ...schemaTexts(val.cls.texts) },
      };
    }
    case 'fn':
      return { ...base, type: 'function', via: 'function', members: {}, open: false };
    case 'str':
    case 'prim':
    case 'arr':
      return {
        ...base,
        type: val.t === 'arr' ? 'object' : 'primitive',
        via: val.t === 'arr' ? 'array' : 'value',
        members: {},
        open: false,
      };
    default:
      return { ...base, type: 'unknown', via: 'expression', members: {}, open: true };
  }
}

/**
 * A value with references to the file's own declarations followed (bounded), and `new X` of a class declared here made
 * an instance.
 */
function resolve(decls: Decls, v: Val, hops: number): Resolved {
  if (hops > 8) return UNKNOWN;
  if (v.t === 'ref') {
    const d = decls.get(v.name);
    return d ? resolve(decls, d.val, hops + 1) : UNKNOWN;
  }
  if (v.t === 'new') {
    const d = decls.get(v.callee);
    if (!d || d.val.t !== 'class') return UNKNOWN;
    const c = d.val.cls;
    return { t: 'inst', via: `new ${v.callee}`, props: c.members, statics: c.statics, open: c.open, texts: c.texts };
  }
  return v;
}

/** The literal values of the fields `mergeModuleMetadata` reads. */
function fieldsOf(decls: Decls, get: (k: string) => Val | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of CODE_FIELDS) {
    const f = get(k);
    const value = f === undefined ? undefined : plain(decls, f, 0);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/** The JSON value of a literal (undefined when it is not one). */
function plain(decls: Decls, v: Val, depth: number): unknown {
  if (depth > MAX_NESTING) return undefined;
  const r = resolve(decls, v, 0);
  switch (r.t) {
    case 'str':
      return r.value ?? undefined;
    case 'prim':
      return r.value;
    case 'arr': {
      const items = r.items.map((x) => plain(decls, x, depth + 1));
      return items.includes(undefined) ? undefined : items;
    }
    case 'obj': {
      if (r.open) return undefined;
      const out = bareObject<unknown>();
      for (const [k, x] of r.props) {
        const p = plain(decls, x, depth + 1);
        if (p === undefined) return undefined;
        out[k] = p;
      }
      return out;
    }
    default:
      return undefined;
  }
}

type Resolved =
  | Exclude<Val, { t: 'ref' } | { t: 'new' }>
  | {
      t: 'inst';
      via: string;
      props: Map<string, Val>;
      statics: Map<string, Val>;
      open: boolean;
      texts: Map<string, string>;
    };

/** The schemas' source, shown beside the code's fields (as `inputSchema`, `outputSchema`). */
function schemaTexts(texts: Map<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of SCHEMAS) {
    const t = texts?.get(k);
    if (t) out[k] = t;
  }
  return out;
}

/** What `typeof` would tell of a member. */
function kindOf(v: Resolved): MemberKind {
  switch (v.t) {
    case 'obj':
    case 'fm':
    case 'arr':
    case 'inst':
      return 'object';
    case 'fn':
    case 'class':
      return 'function';
    case 'str':
      return v.value === '' ? 'empty' : 'string';
    case 'prim':
      return v.nullish ? 'nullish' : 'primitive';
    default:
      return 'unknown';
  }
}
