// The members of object literals and class bodies, for the TypeScript/JavaScript exports reader
// (jsExports.ts): a module object's fields and a class's static and instance members are what
// apcore's loader checks.
import type { Tok } from './jsTokens';
import { TokenSkipper } from './jsSkip';
import { FN, NULLISH, SCHEMAS, type ClassInfo, type Val } from './jsValues';

const CLASS_MODIFIERS = new Set([
  'static',
  'readonly',
  'public',
  'private',
  'protected',
  'declare',
  'abstract',
  'override',
  'async',
  'get',
  'set',
  'accessor',
]);
const MAX_SCHEMA_TEXT = 160;

export abstract class MemberReader extends TokenSkipper {
  constructor(
    private readonly text: string,
    toks: readonly Tok[],
  ) {
    super(toks);
  }

  /** Member values are expressions (jsExpressions.ts). */
  protected abstract expr(i: number): { val: Val; end: number };

  /** An object literal from its `{` at `i`. */
  protected objectLit(i: number): { val: Val; end: number } {
    const end = this.skipGroup(i);
    const props = new Map<string, Val>();
    const texts = new Map<string, string>();
    let open = false;
    let j = i + 1;
    while (j < end - 1) {
      const t = this.toks[j] as Tok;
      if (t.value === ',' && t.kind === 'p') {
        j++;
        continue;
      }
      if (t.value === '...' && t.kind === 'p') {
        open = true;
        j = this.skipExpr(j + 1);
        continue;
      }
      let k = j;
      while (
        (this.v(k) === 'async' || this.v(k) === 'get' || this.v(k) === 'set' || this.v(k) === '*') &&
        this.isKey(k + 1) &&
        this.v(k + 1) !== ','
      )
        k++;
      if (this.v(k) === '[') {
        open = true;
        j = this.skipExpr(this.skipGroup(k));
        continue;
      }
      const key = this.toks[k];
      if (!key || !this.isKey(k)) {
        j = this.skipExpr(j + 1);
        continue;
      }
      const name = String(key.value);
      const after = this.v(k + 1);
      if (after === ':') {
        const r = this.expr(k + 2);
        props.set(name, r.val);
        if (SCHEMAS.includes(name)) texts.set(name, this.source(k + 2, r.end));
        j = r.end;
        continue;
      }
      if (after === '(' || after === '<') {
        props.set(name, FN);
        j = this.functionRest(k + 1);
        continue;
      }
      if (after === ',' || k + 1 >= end - 1) {
        props.set(name, { t: 'ref', name });
        j = k + 1;
        continue;
      }
      j = this.skipExpr(k + 1);
    }
    return { val: { t: 'obj', via: 'object literal', props, open, texts }, end };
  }

  /** A class from its `class` keyword at `k`: static and instance members, and whether it extends another. */
  protected classBody(k: number): { cls: ClassInfo; end: number } {
    let j = k + 1;
    const cls: ClassInfo = { statics: new Map(), members: new Map(), open: false, texts: new Map() };
    while (j < this.toks.length && this.v(j) !== '{') {
      if (this.v(j) === 'extends') cls.open = true;
      j = this.v(j) === '<' ? this.skipAngles(j) : this.v(j) === '(' ? this.skipGroup(j) : j + 1;
    }
    const end = this.skipGroup(j);
    j++;
    while (j < end - 1) {
      if (this.v(j) === ';') {
        j++;
        continue;
      }
      let isStatic = false;
      let k2 = j;
      while (
        this.toks[k2]?.kind === 'id' &&
        CLASS_MODIFIERS.has(this.toks[k2]?.value as string) &&
        this.isKey(k2 + 1)
      ) {
        if (this.v(k2) === 'static') isStatic = true;
        k2++;
      }
      if (this.v(k2) === '*') k2++;
      if (isStatic && this.v(k2) === '{') {
        j = this.skipGroup(k2);
        continue;
      }
      if (this.v(k2) === '[') {
        cls.open = true;
        j = this.memberEnd(this.skipGroup(k2), end);
        continue;
      }
      const key = this.toks[k2];
      if (!key || !this.isKey(k2)) {
        j = k2 + 1;
        continue;
      }
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
      if (!into.has(name)) into.set(name, NULLISH);
      j = this.memberEnd(e, end);
    }
    return { cls, end };
  }

  /** Past a member's `;` or `,` at `j`, without leaving the body that ends at `end`. */
  private memberEnd(j: number, end: number): number {
    return this.v(j) === ';' || this.v(j) === ',' ? j + 1 : Math.min(Math.max(j, 0), end);
  }

  /** `this.NAME = value` at the top of a constructor's body. */
  private thisAssignments(from: number, to: number, into: Map<string, Val>): void {
    let j = from;
    while (j < to && this.v(j) !== '{') j = this.v(j) === '(' ? this.skipGroup(j) : j + 1;
    const bodyEnd = Math.min(this.skipGroup(j), to);
    for (let k = j + 1; k < bodyEnd - 1; k++) {
      if (this.v(k) === '{' || this.v(k) === '(' || this.v(k) === '[') {
        k = this.skipGroup(k) - 1;
        continue;
      }
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
}
