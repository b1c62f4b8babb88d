// What a TypeScript or JavaScript module file exports, read from its tokens (jsTokens.ts) as
// apcore-typescript's loader would find it after `await import(file)` (registry/entry-point.ts
// `resolveEntryPoint`): each export's name, where it is declared, and what `typeof` and the members
// `isModuleClass` and `validateModule` look at would be — for `new FunctionModule({...})` and
// `module({...})` (decorator.ts), object literals, instances of classes declared in the file, and
// classes (whose static members are what a class export has). Nothing is evaluated: an expression this
// reader cannot see through is `unknown`, and exports it cannot list (`export * from`, CommonJS
// assignments it does not know) make the module `open`. Linear in the tokens; nesting deeper than
// MAX_NESTING is skipped as unknown.
import type { Range } from '../../../types';
import { LineIndex } from '../../../text/lineIndex';
import { jsTokens, type Tok } from './jsTokens';

/** What a member is, as `typeof` (and a string's emptiness) would tell; `nullish` for null and undefined. */
export type MemberKind = 'object' | 'string' | 'empty' | 'function' | 'nullish' | 'primitive' | 'unknown';

export interface JsExport {
  /** The exported name (`default` for the default export). */
  name: string;
  file: string;
  /** The declaration's name (or `default`), and the whole declaration. */
  nameRange: Range;
  range: Range;
  /** `typeof` of the exported value: a class is a function. */
  type: 'object' | 'function' | 'primitive' | 'unknown';
  /** How the value is made, for messages: `new FunctionModule`, `module()`, `object literal`, `new X`, `class`, … */
  via: string;
  /** Its members by name (a class's static ones), as far as they are known. */
  members: Record<string, MemberKind>;
  /** The constructor's members (`validateModule` falls back to them for the schemas): an instance's class statics. */
  ctorMembers: Record<string, MemberKind>;
  /** Whether members not listed may exist (a spread, a computed key, a base class). */
  open: boolean;
  /** Literal values of the fields `mergeModuleMetadata` reads from code, and the schemas' source text. */
  fields: Record<string, unknown>;
}

export interface JsModule {
  exports: JsExport[];
  /** Whether the file may export more than `exports` lists (re-exports, CommonJS forms). */
  open: boolean;
  /** A top-level `module({...})` call without an `id`: importing the file throws (decorator.ts). */
  throwsOnImport: Range | null;
}

/** A value as the reader sees it. */
type Val =
  | { t: 'obj'; via: string; props: Map<string, Val>; open: boolean; texts: Map<string, string> }
  | { t: 'fm'; via: string; opts: Val | null }
  | { t: 'new'; callee: string }
  | { t: 'fn' }
  | { t: 'class'; cls: ClassInfo }
  | { t: 'str'; value: string | null }
  | { t: 'prim'; nullish: boolean; value: unknown }
  | { t: 'arr'; items: Val[] }
  | { t: 'ref'; name: string }
  | { t: 'unknown' };

/** `texts`: the source of its schema members. */
interface ClassInfo { statics: Map<string, Val>; members: Map<string, Val>; open: boolean; texts: Map<string, string> }

/** The fields `mergeModuleMetadata` (registry/metadata-pure.ts) takes from a module object. */
const CODE_FIELDS = ['description', 'name', 'tags', 'version', 'annotations', 'examples', 'metadata', 'documentation'];
const SCHEMAS = ['inputSchema', 'outputSchema'];
const MAX_NESTING = 16;
const MAX_SCHEMA_TEXT = 160;
const UNKNOWN: { t: 'unknown' } = { t: 'unknown' };
const FN: Val = { t: 'fn' };
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLASS_MODIFIERS = new Set(['static', 'readonly', 'public', 'private', 'protected', 'declare', 'abstract', 'override', 'async', 'get', 'set', 'accessor']);

export function readJsModule(text: string, file: string): JsModule {
  return new Reader(text, file).read();
}

interface Decl { name: string; nameAt: Tok; start: number; end: number; val: Val }

class Reader {
  private readonly toks: Tok[];
  private readonly lines: LineIndex;
  private readonly decls = new Map<string, Decl>();
  private readonly exported: { name: string; local: string | null; decl: Decl | null }[] = [];
  /** Names imported as apcore's `module` (named imports), and namespace imports. */
  private readonly moduleFns = new Set<string>();
  private readonly namespaces = new Set<string>();
  private open = false;
  private throwsAt: { start: number; end: number } | null = null;
  private depth = 0;

  constructor(private readonly text: string, private readonly file: string) {
    this.toks = jsTokens(text);
    this.lines = new LineIndex(text);
  }

  private v(i: number): string | null { const t = this.toks[i]; return t && (t.kind === 'id' || t.kind === 'p') ? t.value : null; }

  read(): JsModule {
    const n = this.toks.length;
    let i = 0;
    while (i < n) {
      const next = this.statement(i);
      i = next > i ? next : i + 1;
    }
    const exports: JsExport[] = [];
    for (const x of this.exported) {
      const decl = x.decl ?? (x.local !== null ? this.decls.get(x.local) ?? null : null);
      if (!decl) { exports.push(this.toExport(x.name, null, UNKNOWN)); continue; }
      exports.push(this.toExport(x.name, decl, decl.val));
    }
    const throwsOnImport = this.throwsAt ? this.lines.range(this.throwsAt.start, this.throwsAt.end) : null;
    return { exports, open: this.open, throwsOnImport };
  }

  /** One top-level statement from token `i`; the index after it (or `i` when nothing was read). */
  private statement(i: number): number {
    const t = this.toks[i] as Tok;
    const prevDot = this.v(i - 1) === '.' || this.v(i - 1) === '?.';
    if (t.kind !== 'id') return t.kind === 'p' && (t.value === '(' || t.value === '[' || t.value === '{') ? this.skipGroup(i) : i + 1;
    if (prevDot) return i + 1;
    switch (t.value) {
      case 'import': return this.importDecl(i);
      case 'export': return this.exportDecl(i);
      case 'const': case 'let': case 'var': return this.varDecl(i, false);
      case 'class': return this.classDecl(i, false, i);
      case 'abstract': return this.v(i + 1) === 'class' ? this.classDecl(i + 1, false, i) : i + 1;
      case 'function': case 'async': return this.functionDecl(i, false);
      case 'module': case 'exports': return this.commonJs(i);
      default: return i + 1;
    }
  }

  private importDecl(i: number): number {
    let j = i + 1;
    if (this.v(j) === '(' || this.v(j) === '.') return j;
    if (this.v(j) === 'type') return this.skipTo(j, ';');
    let inBraces = false;
    for (; j < this.toks.length; j++) {
      const t = this.toks[j] as Tok;
      if (t.kind === 'str' || this.v(j) === ';') break;
      if (t.value === '{') inBraces = true;
      else if (t.value === '}') inBraces = false;
      else if (this.v(j) === '*' && this.v(j + 1) === 'as' && this.toks[j + 2]?.kind === 'id') { this.namespaces.add(this.toks[j + 2]?.value as string); j += 2; }
      else if (inBraces && t.kind === 'id' && t.value === 'module') {
        const alias = this.v(j + 1) === 'as' ? this.toks[j + 2]?.value ?? null : 'module';
        if (alias) this.moduleFns.add(alias);
      }
    }
    return j + 1;
  }

  private exportDecl(i: number): number {
    const j = i + 1;
    const w = this.v(j);
    if (w === 'default') return this.exportDefault(i, j);
    if (w === 'const' || w === 'let' || w === 'var') return this.varDecl(j, true);
    if (w === 'class') return this.classDecl(j, true, i);
    if (w === 'abstract' && this.v(j + 1) === 'class') return this.classDecl(j + 1, true, i);
    if (w === 'function' || w === 'async') return this.functionDecl(j, true);
    if (w === 'declare' || w === 'type' || w === 'interface') return this.skipTo(j, ';');
    if (w === 'enum' || w === 'namespace') { const name = this.toks[j + 1]; if (name?.kind === 'id') this.exported.push({ name: name.value as string, local: null, decl: { name: name.value as string, nameAt: name, start: this.toks[i]?.start ?? 0, end: name.end, val: { t: 'obj', via: w, props: new Map(), open: false, texts: new Map() } } }); return this.skipTo(j, '{'); }
    if (w === '*') { this.open = true; return this.skipTo(j, ';'); }
    if (w === '=') { const r = this.expr(j + 1); this.exported.push({ name: 'default', local: null, decl: this.declOf('default', this.toks[i] as Tok, i, r.end, r.val) }); return r.end; }
    if (w === 'import') { this.open = true; return this.skipTo(j, ';'); }
    if (w === '{') {
      const end = this.skipGroup(j);
      const from = this.v(end) === 'from';
      if (from) this.open = true;
      for (let k = j + 1; k < end - 1; k++) {
        const t = this.toks[k] as Tok;
        if (t.kind !== 'id') continue;
        // `type X` names a type only: nothing at runtime.
        if (t.value === 'type' && this.toks[k + 1]?.kind === 'id') { while (k < end - 1 && this.v(k + 1) !== ',') k++; continue; }
        const local = t.value as string;
        let name = local;
        if (this.v(k + 1) === 'as') { const a = this.toks[k + 2]; name = (a?.kind === 'id' || a?.kind === 'str') ? a.value ?? local : local; k += 2; }
        if (!from) this.exported.push({ name, local, decl: null });
        while (k < end - 1 && this.v(k + 1) !== ',') k++;
      }
      return end;
    }
    return j;
  }

  private exportDefault(i: number, j: number): number {
    const w = this.v(j + 1);
    if (w === 'interface' || w === 'type') return this.skipTo(j, '{');
    if (w === 'class' || (w === 'abstract' && this.v(j + 2) === 'class')) {
      const k = w === 'class' ? j + 1 : j + 2;
      const named = this.toks[k + 1]?.kind === 'id' && this.v(k + 1) !== 'extends' && this.v(k + 1) !== 'implements';
      const end = this.classDecl(k, false, i, named ? undefined : j);
      const decl = named ? this.decls.get(this.toks[k + 1]?.value as string) ?? null : this.decls.get('default') ?? null;
      this.exported.push({ name: 'default', local: null, decl });
      return end;
    }
    const r = this.expr(j + 1);
    const target = r.val.t === 'ref' ? this.decls.get(r.val.name) ?? null : null;
    this.exported.push({ name: 'default', local: null, decl: target ?? this.declOf('default', this.toks[j] as Tok, i, r.end, r.val) });
    return r.end;
  }

  private declOf(name: string, nameAt: Tok, from: number, to: number, val: Val): Decl {
    return { name, nameAt, start: (this.toks[from] as Tok).start, end: this.toks[Math.max(from, to - 1)]?.end ?? nameAt.end, val };
  }

  private varDecl(k: number, exported: boolean): number {
    let j = k + 1;
    for (;;) {
      const name = this.toks[j];
      if (!name) return j;
      if (name.kind !== 'id') {
        // A destructuring pattern: the names it exports are not read.
        if (exported) this.open = true;
        return this.skipTo(j, ';');
      }
      let e = j + 1;
      if (this.v(e) === '!') e++;
      if (this.v(e) === ':') e = this.skipType(e + 1);
      let val: Val = { t: 'prim', nullish: true, value: undefined };
      let end = e;
      if (this.v(e) === '=') { const r = this.expr(e + 1); val = r.val; end = r.end; }
      const decl = this.declOf(name.value as string, name, exported ? k - 1 : k, end, val);
      this.decls.set(decl.name, decl);
      if (exported) this.exported.push({ name: decl.name, local: null, decl });
      if (val.t === 'fm' && val.via === 'module()') this.checkModuleCall(val, name);
      if (this.v(end) !== ',') return end;
      j = end + 1;
    }
  }

  /** `module({...})` without an `id` throws when the file is imported (decorator.ts `module`). */
  private checkModuleCall(val: Extract<Val, { t: 'fm' }>, at: Tok): void {
    const o = val.opts;
    if (this.throwsAt || !o || o.t !== 'obj' || o.open) return;
    const id = o.props.get('id');
    if (!id || (id.t === 'prim' && id.nullish) || (id.t === 'str' && id.value === '')) this.throwsAt = { start: at.start, end: at.end };
  }

  private classDecl(k: number, exported: boolean, from: number, anonymousAt?: number): number {
    const nameTok = this.toks[k + 1];
    const named = nameTok?.kind === 'id' && nameTok.value !== 'extends' && nameTok.value !== 'implements';
    const r = this.classBody(k);
    const at = named ? nameTok : (this.toks[anonymousAt ?? k] as Tok);
    const name = named ? nameTok.value as string : 'default';
    const decl = this.declOf(name, at, from, r.end, { t: 'class', cls: r.cls });
    this.decls.set(name, decl);
    if (exported) this.exported.push({ name, local: null, decl });
    return r.end;
  }

  private functionDecl(k: number, exported: boolean): number {
    let j = k;
    if (this.v(j) === 'async') j++;
    if (this.v(j) !== 'function') return j;
    j++;
    if (this.v(j) === '*') j++;
    const nameTok = this.toks[j];
    const end = this.functionRest(j + (nameTok?.kind === 'id' ? 1 : 0));
    if (nameTok?.kind === 'id') {
      const decl = this.declOf(nameTok.value as string, nameTok, exported ? k - 1 : k, end, FN);
      this.decls.set(decl.name, decl);
      if (exported) this.exported.push({ name: decl.name, local: null, decl });
    }
    return end;
  }

  /** CommonJS: `module.exports = X` is the default export, `exports.N = X` / `module.exports.N = X` a named one. */
  private commonJs(i: number): number {
    let j = i;
    if (this.v(j) === 'module') { if (this.v(j + 1) !== '.' || this.v(j + 2) !== 'exports') return i + 1; j += 2; }
    if (this.v(j + 1) === '=') {
      if (this.v(j) !== 'exports') {
        const r = this.expr(j + 2);
        if (r.val.t !== 'obj') this.open = true;
        this.exported.push({ name: 'default', local: null, decl: this.declOf('default', this.toks[i] as Tok, i, r.end, r.val) });
        return r.end;
      }
      return i + 1;
    }
    if (this.v(j + 1) === '.' && this.toks[j + 2]?.kind === 'id' && this.v(j + 3) === '=') {
      const nameTok = this.toks[j + 2] as Tok;
      const r = this.expr(j + 4);
      this.exported.push({ name: nameTok.value as string, local: null, decl: this.declOf(nameTok.value as string, nameTok, i, r.end, r.val) });
      return r.end;
    }
    this.open = true;
    return i + 1;
  }

  // ---- expressions

  /** An expression from `i`: what it is, and the index after it. */
  private expr(i: number): { val: Val; end: number } {
    if (this.depth >= MAX_NESTING) return { val: UNKNOWN, end: this.skipExpr(i) };
    this.depth++;
    try {
      const p = this.primary(i);
      return this.rest(p.val, p.end);
    } finally { this.depth--; }
  }

  /** After a primary: a TypeScript `as`/`satisfies`/`!` keeps it; anything else continuing the expression makes it unknown. */
  private rest(val: Val, j: number): { val: Val; end: number } {
    for (;;) {
      const t = this.toks[j];
      if (!t || this.ends(j)) return { val, end: j };
      if (t.value === '!' && t.kind === 'p') { j++; continue; }
      if (t.kind === 'id' && (t.value === 'as' || t.value === 'satisfies')) { j = this.skipType(j + 1); continue; }
      return { val: UNKNOWN, end: this.skipExpr(j) };
    }
  }

  /**
   * Whether token `j` ends the expression before it: a separator or closer, or a token on a new line
   * that cannot continue it (automatic semicolons) after a token that can end one.
   */
  private ends(j: number): boolean {
    const t = this.toks[j] as Tok;
    if (t.kind === 'p' && (t.value === ';' || t.value === ',' || t.value === ')' || t.value === ']' || t.value === '}')) return true;
    if (!t.nl || !this.canEnd(j - 1)) return false;
    if (t.kind === 'p') return t.value === '{' || t.value === '++' || t.value === '--';
    return t.kind !== 'id' || (t.value !== 'as' && t.value !== 'satisfies' && t.value !== 'instanceof' && t.value !== 'in');
  }

  /** Whether an expression can end with token `j` (a name, a literal, a closer). */
  private canEnd(j: number): boolean {
    const t = this.toks[j];
    if (!t) return false;
    return t.kind !== 'p' || t.value === ')' || t.value === ']' || t.value === '}';
  }

  private primary(i: number): { val: Val; end: number } {
    const t = this.toks[i];
    if (!t) return { val: UNKNOWN, end: i };
    if (t.kind === 'str') return { val: { t: 'str', value: t.value }, end: i + 1 };
    if (t.kind === 'tpl') return { val: { t: 'str', value: t.value }, end: i + 1 };
    if (t.kind === 'num') return { val: { t: 'prim', nullish: false, value: Number(t.value) }, end: i + 1 };
    if (t.kind === 're') return { val: { t: 'prim', nullish: false, value: undefined }, end: i + 1 };
    const w = t.value as string;
    if (t.kind === 'p') {
      if (w === '{') return this.objectLit(i);
      if (w === '[') return this.arrayLit(i);
      if (w === '(' || w === '<') return this.parenOrArrow(i);
      if (w === '-' || w === '+') { const n = this.toks[i + 1]; if (n?.kind === 'num') return { val: { t: 'prim', nullish: false, value: Number(`${w}${n.value}`) }, end: i + 2 }; }
      return { val: UNKNOWN, end: this.skipExpr(i) };
    }
    switch (w) {
      case 'true': case 'false': return { val: { t: 'prim', nullish: false, value: w === 'true' }, end: i + 1 };
      case 'null': return { val: { t: 'prim', nullish: true, value: null }, end: i + 1 };
      case 'undefined': return { val: { t: 'prim', nullish: true, value: undefined }, end: i + 1 };
      case 'function': {
        let k = i + 1;
        if (this.v(k) === '*') k++;
        if (this.toks[k]?.kind === 'id') k++;
        return { val: FN, end: this.functionRest(k) };
      }
      case 'class': { const r = this.classBody(i); return { val: { t: 'class', cls: r.cls }, end: r.end }; }
      case 'async':
        if (this.v(i + 1) === 'function' || this.v(i + 1) === '(' || this.toks[i + 1]?.kind === 'id' && this.v(i + 2) === '=>') return this.primary(i + 1);
        break;
      case 'new': return this.newExpr(i);
    }
    if (this.v(i + 1) === '=>') return { val: FN, end: this.arrowBody(i + 2) };
    // A call of apcore's `module` (imported by name, or through a namespace import).
    let j = i;
    let callee = w;
    if (this.namespaces.has(w) && this.v(i + 1) === '.' && this.toks[i + 2]?.kind === 'id') { callee = `${w}.${this.toks[i + 2]?.value}`; j = i + 2; }
    const isModuleFn = this.moduleFns.has(callee) || (callee !== w && callee.endsWith('.module'));
    if (isModuleFn && this.v(j + 1) === '(') {
      const args = this.args(j + 1);
      return { val: { t: 'fm', via: 'module()', opts: args.first }, end: args.end };
    }
    return { val: { t: 'ref', name: w }, end: i + 1 };
  }

  private newExpr(i: number): { val: Val; end: number } {
    let j = i + 1;
    const parts: string[] = [];
    while (this.toks[j]?.kind === 'id') {
      parts.push(this.toks[j]?.value as string);
      if (this.v(j + 1) !== '.') break;
      j += 2;
    }
    if (parts.length === 0) return { val: UNKNOWN, end: this.skipExpr(i + 1) };
    j++;
    if (this.v(j) === '<') j = this.skipAngles(j);
    const args = this.v(j) === '(' ? this.args(j) : { first: null, end: j };
    const last = parts[parts.length - 1] as string;
    if (last === 'FunctionModule') return { val: { t: 'fm', via: 'new FunctionModule', opts: args.first }, end: args.end };
    return { val: parts.length === 1 ? { t: 'new', callee: last } : UNKNOWN, end: args.end };
  }

  /** Call arguments from `(` at `i`: the first one read, and the index after `)`. */
  private args(i: number): { first: Val | null; end: number } {
    const end = this.skipGroup(i);
    if (this.v(i + 1) === ')') return { first: null, end };
    const r = this.expr(i + 1);
    return { first: r.val, end };
  }

  private objectLit(i: number): { val: Val; end: number } {
    const end = this.skipGroup(i);
    const props = new Map<string, Val>();
    const texts = new Map<string, string>();
    let open = false;
    let j = i + 1;
    while (j < end - 1) {
      const t = this.toks[j] as Tok;
      if (t.value === ',' && t.kind === 'p') { j++; continue; }
      if (t.value === '...' && t.kind === 'p') { open = true; j = this.skipExpr(j + 1); continue; }
      let k = j;
      while ((this.v(k) === 'async' || this.v(k) === 'get' || this.v(k) === 'set' || this.v(k) === '*') && this.isKey(k + 1) && this.v(k + 1) !== ',' ) k++;
      if (this.v(k) === '[') { open = true; j = this.skipExpr(this.skipGroup(k)); continue; }
      const key = this.toks[k];
      if (!key || !this.isKey(k)) { j = this.skipExpr(j + 1); continue; }
      const name = String(key.value);
      const after = this.v(k + 1);
      if (after === ':') {
        const r = this.expr(k + 2);
        props.set(name, r.val);
        if (SCHEMAS.includes(name)) texts.set(name, this.source(k + 2, r.end));
        j = r.end;
        continue;
      }
      if (after === '(' || after === '<') { props.set(name, FN); j = this.functionRest(k + 1); continue; }
      if (after === ',' || k + 1 >= end - 1) { props.set(name, { t: 'ref', name }); j = k + 1; continue; }
      j = this.skipExpr(k + 1);
    }
    return { val: { t: 'obj', via: 'object literal', props, open, texts }, end };
  }

  private isKey(k: number): boolean {
    const t = this.toks[k];
    return !!t && (t.kind === 'id' || t.kind === 'str' || t.kind === 'num');
  }

  private arrayLit(i: number): { val: Val; end: number } {
    const end = this.skipGroup(i);
    const items: Val[] = [];
    let j = i + 1;
    while (j < end - 1) {
      if (this.v(j) === ',') { j++; continue; }
      const r = this.expr(j);
      items.push(r.val);
      j = Math.max(r.end, j + 1);
    }
    return { val: { t: 'arr', items }, end };
  }

  /** `(…) => …`, `<T>(…) => …` (an arrow function), or a parenthesised expression (unknown). */
  private parenOrArrow(i: number): { val: Val; end: number } {
    let j = this.v(i) === '<' ? this.skipAngles(i) : i;
    if (this.v(j) !== '(') return { val: UNKNOWN, end: this.skipExpr(i) };
    j = this.skipGroup(j);
    if (this.v(j) === ':') j = this.skipType(j + 1);
    if (this.v(j) === '=>') return { val: FN, end: this.arrowBody(j + 1) };
    return { val: UNKNOWN, end: this.skipExpr(i) };
  }

  private arrowBody(j: number): number {
    return this.v(j) === '{' ? this.skipGroup(j) : this.skipExpr(j);
  }

  /** After a function's name: type parameters, parameters, return type and body. */
  private functionRest(j: number): number {
    if (this.v(j) === '<') j = this.skipAngles(j);
    if (this.v(j) === '(') j = this.skipGroup(j);
    if (this.v(j) === ':') j = this.skipType(j + 1);
    return this.v(j) === '{' ? this.skipGroup(j) : j;
  }

  /** A class from its `class` keyword at `k`: static and instance members, and whether it extends another. */
  private classBody(k: number): { cls: ClassInfo; end: number } {
    let j = k + 1;
    const cls: ClassInfo = { statics: new Map(), members: new Map(), open: false, texts: new Map() };
    while (j < this.toks.length && this.v(j) !== '{') {
      if (this.v(j) === 'extends') cls.open = true;
      j = this.v(j) === '<' ? this.skipAngles(j) : this.v(j) === '(' ? this.skipGroup(j) : j + 1;
    }
    const end = this.skipGroup(j);
    j++;
    while (j < end - 1) {
      if (this.v(j) === ';') { j++; continue; }
      let isStatic = false;
      let k2 = j;
      while (this.toks[k2]?.kind === 'id' && CLASS_MODIFIERS.has(this.toks[k2]?.value as string) && this.isKey(k2 + 1)) {
        if (this.v(k2) === 'static') isStatic = true;
        k2++;
      }
      if (this.v(k2) === '*') k2++;
      if (isStatic && this.v(k2) === '{') { j = this.skipGroup(k2); continue; }
      if (this.v(k2) === '[') { cls.open = true; j = this.memberEnd(this.skipGroup(k2), end); continue; }
      const key = this.toks[k2];
      if (!key || !this.isKey(k2)) { j = k2 + 1; continue; }
      const name = String(key.value);
      const into = isStatic ? cls.statics : cls.members;
      let e = k2 + 1;
      if (this.v(e) === '?' || this.v(e) === '!') e++;
      if (this.v(e) === '(' || this.v(e) === '<') {
        const bodyEnd = this.functionRest(e);
        if (name === 'constructor' && !isStatic) this.thisAssignments(e, bodyEnd, cls.members);
        else into.set(name, FN);
        j = bodyEnd;
        continue;
      }
      if (this.v(e) === ':') e = this.skipType(e + 1);
      if (this.v(e) === '=') {
        const r = this.expr(e + 1);
        into.set(name, r.val);
        if (SCHEMAS.includes(name)) cls.texts.set(name, this.source(e + 1, r.end));
        j = this.memberEnd(r.end, end);
        continue;
      }
      // Declared without a value: undefined at runtime (`declare`d ones are not there at all).
      if (!into.has(name)) into.set(name, { t: 'prim', nullish: true, value: undefined });
      j = this.memberEnd(e, end);
    }
    return { cls, end };
  }

  private memberEnd(j: number, end: number): number {
    return this.v(j) === ';' || this.v(j) === ',' ? j + 1 : Math.min(Math.max(j, 0), end);
  }

  /** `this.NAME = value` at the top of a constructor's body. */
  private thisAssignments(from: number, to: number, into: Map<string, Val>): void {
    let j = from;
    while (j < to && this.v(j) !== '{') j = this.v(j) === '(' ? this.skipGroup(j) : j + 1;
    const bodyEnd = Math.min(this.skipGroup(j), to);
    for (let k = j + 1; k < bodyEnd - 1; k++) {
      if (this.v(k) === '{' || this.v(k) === '(' || this.v(k) === '[') { k = this.skipGroup(k) - 1; continue; }
      if (this.v(k) === 'this' && this.v(k + 1) === '.' && this.toks[k + 2]?.kind === 'id' && this.v(k + 3) === '=') {
        const r = this.expr(k + 4);
        into.set(this.toks[k + 2]?.value as string, r.val);
        k = Math.max(r.end - 1, k + 3);
      }
    }
  }

  /** The source of tokens `[from, to)`, blanks collapsed, cut at MAX_SCHEMA_TEXT characters. */
  private source(from: number, to: number): string {
    const a = this.toks[from];
    const b = this.toks[Math.max(from, to - 1)];
    if (!a || !b) return '';
    const raw = this.text.slice(a.start, Math.min(b.end, a.start + MAX_SCHEMA_TEXT * 4)).replace(/\s+/g, ' ');
    return raw.length > MAX_SCHEMA_TEXT ? `${raw.slice(0, MAX_SCHEMA_TEXT - 1)}…` : raw;
  }

  // ---- skipping

  /** From an opening bracket at `i`, the index after its closer (the end of the tokens when it is not closed). */
  private skipGroup(i: number): number {
    const stack: string[] = [];
    for (let j = i; j < this.toks.length; j++) {
      const t = this.toks[j] as Tok;
      if (t.kind !== 'p') continue;
      const close = CLOSERS[t.value as string];
      if (close) stack.push(close);
      else if (t.value === ')' || t.value === ']' || t.value === '}') {
        // A stray closer ends the groups it closes, so one mistake does not swallow the rest of the file.
        while (stack.length > 0 && stack[stack.length - 1] !== t.value) stack.pop();
        stack.pop();
        if (stack.length === 0) return j + 1;
      }
    }
    return this.toks.length;
  }

  /** `<…>` type arguments from `<` at `i` (brackets inside balanced): the index after the matching `>`. */
  private skipAngles(i: number): number {
    let depth = 0;
    for (let j = i; j < this.toks.length; j++) {
      const w = this.v(j);
      if (w === '(' || w === '[' || w === '{') { j = this.skipGroup(j) - 1; continue; }
      if (w === '<') depth++;
      else if (w === '>') { depth--; if (depth === 0) return j + 1; }
      else if (w === ';' || w === ')' || w === ']' || w === '}') return j;
    }
    return this.toks.length;
  }

  /** A type annotation from `i`: the index of what follows it (`=`, `;`, `,`, a closer, `=>` of an arrow's body, or a new line that cannot continue it). */
  private skipType(i: number): number {
    let j = i;
    let prev: string | null = ':';
    while (j < this.toks.length) {
      const t = this.toks[j] as Tok;
      const w = t.kind === 'p' ? t.value : null;
      if (j > i && t.nl && prev !== '|' && prev !== '&' && prev !== ':' && prev !== '=>' && prev !== '.' && w !== '|' && w !== '&' && w !== '.') return j;
      if (w === '=' || w === ';' || w === ',' || w === ')' || w === ']' || w === '}' || (w === '=>' && prev !== ')')) return j;
      if (w === '(' || w === '[' || w === '{') { j = this.skipGroup(j); prev = ')'; continue; }
      if (w === '<') { j = this.skipAngles(j); prev = '>'; continue; }
      prev = t.kind === 'p' ? t.value : 'x';
      j++;
    }
    return j;
  }

  /** The rest of an expression from `i`: up to a separator or closer at its level, or a new line that ends it. */
  private skipExpr(i: number): number {
    let j = i;
    let ternaries = 0;
    while (j < this.toks.length) {
      const t = this.toks[j] as Tok;
      if (j > i && this.ends(j)) return j;
      if (t.kind === 'p') {
        if (CLOSERS[t.value as string]) { j = this.skipGroup(j); continue; }
        if (t.value === ';' || t.value === ',' || t.value === ')' || t.value === ']' || t.value === '}') return j;
        if (t.value === '?') ternaries++;
        else if (t.value === ':') { if (ternaries === 0) return j; ternaries--; }
      }
      j++;
    }
    return j;
  }

  private skipTo(i: number, stop: string): number {
    for (let j = i; j < this.toks.length; j++) {
      if (this.v(j) === stop) return stop === '{' ? this.skipGroup(j) : j + 1;
      if (this.v(j) === '{' || this.v(j) === '(' || this.v(j) === '[') j = this.skipGroup(j) - 1;
      else if (j > i && this.v(j) === 'export' && this.v(j - 1) !== '.') return j;
    }
    return this.toks.length;
  }

  // ---- the exports as the loader sees them

  private toExport(name: string, decl: Decl | null, raw: Val): JsExport {
    const val = this.resolve(raw, 0);
    const nameRange = decl ? this.lines.range(decl.nameAt.start, decl.nameAt.end) : this.lines.range(0, 0);
    const range = decl ? this.lines.range(decl.start, decl.end) : nameRange;
    const base = { name, file: this.file, nameRange, range, ctorMembers: {} as Record<string, MemberKind>, fields: {} as Record<string, unknown> };
    switch (val.t) {
      case 'fm': {
        const opts = val.opts && val.opts.t === 'obj' ? val.opts : null;
        const o = (k: string): Val | undefined => opts?.props.get(k);
        const idKey = val.via === 'module()' ? 'id' : 'moduleId';
        const members: Record<string, MemberKind> = { execute: 'function' };
        for (const s of SCHEMAS) members[s] = opts ? kindOf(this.resolve(o(s) ?? NULLISH, 0)) : 'unknown';
        const desc = o('description');
        const id = o(idKey);
        const descKind = desc ? kindOf(this.resolve(desc, 0)) : 'nullish';
        // FunctionModule: `description ?? \`Module ${moduleId}\``.
        members['description'] = !opts ? 'unknown' : descKind === 'nullish' ? 'string' : descKind;
        const fields = { ...this.fieldsOf(opts, (k) => o(k)), ...schemaTexts(opts?.texts) };
        if (opts && descKind === 'nullish') fields['description'] = id?.t === 'str' && id.value !== null ? `Module ${id.value}` : undefined;
        if (fields['description'] === undefined) delete fields['description'];
        return { ...base, type: 'object', via: val.via, members, open: !opts || opts.open, fields };
      }
      case 'obj': case 'inst': {
        const members: Record<string, MemberKind> = {};
        for (const [k, v] of val.props) members[k] = kindOf(this.resolve(v, 0));
        const ctorMembers: Record<string, MemberKind> = {};
        if (val.t === 'inst') for (const [k, v] of val.statics) ctorMembers[k] = kindOf(this.resolve(v, 0));
        return { ...base, type: 'object', via: val.via, members, ctorMembers, open: val.open, fields: { ...this.fieldsOf(val, (k) => val.props.get(k)), ...schemaTexts(val.texts) } };
      }
      case 'class': {
        const members: Record<string, MemberKind> = {};
        for (const [k, v] of val.cls.statics) members[k] = kindOf(this.resolve(v, 0));
        return { ...base, type: 'function', via: 'class', members, open: val.cls.open, fields: { ...this.fieldsOf(val, (k) => val.cls.statics.get(k)), ...schemaTexts(val.cls.texts) } };
      }
      case 'fn': return { ...base, type: 'function', via: 'function', members: {}, open: false };
      case 'str': case 'prim': case 'arr': return { ...base, type: val.t === 'arr' ? 'object' : 'primitive', via: val.t === 'arr' ? 'array' : 'value', members: {}, open: false };
      default: return { ...base, type: 'unknown', via: 'expression', members: {}, open: true };
    }
  }

  /** A value with references to the file's own declarations followed (bounded), and `new X` of a class declared here made an instance. */
  private resolve(v: Val, hops: number): Resolved {
    if (hops > 8) return UNKNOWN;
    if (v.t === 'ref') {
      const d = this.decls.get(v.name);
      return d ? this.resolve(d.val, hops + 1) : UNKNOWN;
    }
    if (v.t === 'new') {
      const d = this.decls.get(v.callee);
      if (!d || d.val.t !== 'class') return UNKNOWN;
      const c = d.val.cls;
      return { t: 'inst', via: `new ${v.callee}`, props: c.members, statics: c.statics, open: c.open, texts: c.texts };
    }
    return v;
  }

  private fieldsOf(v: object | null, get: (k: string) => Val | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!v) return out;
    for (const k of CODE_FIELDS) {
      const f = get(k);
      const plain = f === undefined ? undefined : this.plain(f, 0);
      if (plain !== undefined) out[k] = plain;
    }
    return out;
  }

  /** The JSON value of a literal (undefined when it is not one). */
  private plain(v: Val, depth: number): unknown {
    if (depth > MAX_NESTING) return undefined;
    const r = this.resolve(v, 0);
    switch (r.t) {
      case 'str': return r.value ?? undefined;
      case 'prim': return r.value;
      case 'arr': { const items = r.items.map((x) => this.plain(x, depth + 1)); return items.includes(undefined) ? undefined : items; }
      case 'obj': {
        if (r.open) return undefined;
        const out: Record<string, unknown> = {};
        for (const [k, x] of r.props) { const p = this.plain(x, depth + 1); if (p === undefined) return undefined; out[k] = p; }
        return out;
      }
      default: return undefined;
    }
  }
}

type Resolved = Exclude<Val, { t: 'ref' } | { t: 'new' }> | { t: 'inst'; via: string; props: Map<string, Val>; statics: Map<string, Val>; open: boolean; texts: Map<string, string> };

/** The schemas' source, shown beside the code's fields (as `inputSchema`, `outputSchema`). */
function schemaTexts(texts: Map<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of SCHEMAS) { const t = texts?.get(k); if (t) out[k] = t; }
  return out;
}

const NULLISH: Val = { t: 'prim', nullish: true, value: undefined };

function kindOf(v: Resolved): MemberKind {
  switch (v.t) {
    case 'obj': case 'fm': case 'arr': case 'inst': return 'object';
    case 'fn': case 'class': return 'function';
    case 'str': return v.value === '' ? 'empty' : 'string';
    case 'prim': return v.nullish ? 'nullish' : 'primitive';
    default: return 'unknown';
  }
}
