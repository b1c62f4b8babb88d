// What an expression is, for the TypeScript/JavaScript exports reader (jsExports.ts): literals,
// functions and classes, `new X(...)`, and the calls that make an apcore module (`new FunctionModule`,
// `module()`); anything else is unknown.
import { MemberReader } from './jsMembers';
import { FN, MAX_NESTING, NULLISH, UNKNOWN, type Val } from './jsValues';

export class ExpressionReader extends MemberReader {
  /** Names imported as apcore's `module` (named imports), and namespace imports. */
  protected readonly moduleFns = new Set<string>();
  protected readonly namespaces = new Set<string>();
  private depth = 0;

  /** An expression from `i`: what it is, and the index after it. */
  protected override expr(i: number): { val: Val; end: number } {
    if (this.depth >= MAX_NESTING) return { val: UNKNOWN, end: this.skipExpr(i) };
    this.depth++;
    try {
      const p = this.primary(i);
      return this.rest(p.val, p.end);
    } finally {
      this.depth--;
    }
  }

  /**
   * After a primary: a TypeScript `as`/`satisfies`/`!` keeps it; anything else continuing the expression makes it
   * unknown.
   */
  private rest(val: Val, j: number): { val: Val; end: number } {
    for (;;) {
      const t = this.toks[j];
      if (!t || this.ends(j)) return { val, end: j };
      if (t.value === '!' && t.kind === 'p') {
        j++;
        continue;
      }
      if (t.kind === 'id' && (t.value === 'as' || t.value === 'satisfies')) {
        j = this.skipType(j + 1);
        continue;
      }
      return { val: UNKNOWN, end: this.skipExpr(j) };
    }
  }

  /** A literal, a function or class, `new X(...)`, a call of apcore's `module`, or a name (a reference). */
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
      if (w === '-' || w === '+') {
        const n = this.toks[i + 1];
        if (n?.kind === 'num')
          return { val: { t: 'prim', nullish: false, value: Number(`${w}${n.value}`) }, end: i + 2 };
      }
      return { val: UNKNOWN, end: this.skipExpr(i) };
    }
    switch (w) {
      case 'true':
      case 'false':
        return { val: { t: 'prim', nullish: false, value: w === 'true' }, end: i + 1 };
      case 'null':
        return { val: { t: 'prim', nullish: true, value: null }, end: i + 1 };
      case 'undefined':
        return { val: NULLISH, end: i + 1 };
      case 'function': {
        let k = i + 1;
        if (this.v(k) === '*') k++;
        if (this.toks[k]?.kind === 'id') k++;
        return { val: FN, end: this.functionRest(k) };
      }
      case 'class': {
        const r = this.classBody(i);
        return { val: { t: 'class', cls: r.cls }, end: r.end };
      }
      case 'async':
        if (
          this.v(i + 1) === 'function' ||
          this.v(i + 1) === '(' ||
          (this.toks[i + 1]?.kind === 'id' && this.v(i + 2) === '=>')
        )
          return this.primary(i + 1);
        break;
      case 'new':
        return this.newExpr(i);
    }
    if (this.v(i + 1) === '=>') return { val: FN, end: this.arrowBody(i + 2) };
    // A call of apcore's `module` (imported by name, or through a namespace import).
    let j = i;
    let callee = w;
    if (this.namespaces.has(w) && this.v(i + 1) === '.' && this.toks[i + 2]?.kind === 'id') {
      callee = `${w}.${this.toks[i + 2]?.value}`;
      j = i + 2;
    }
    const isModuleFn = this.moduleFns.has(callee) || (callee !== w && callee.endsWith('.module'));
    if (isModuleFn && this.v(j + 1) === '(') {
      const args = this.args(j + 1);
      return { val: { t: 'fm', via: 'module()', opts: args.first }, end: args.end };
    }
    return { val: { t: 'ref', name: w }, end: i + 1 };
  }

  /**
   * `new X(...)` from `new` at `i`: a FunctionModule's options, or an instance of a class of this file (read later).
   */
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
    if (last === 'FunctionModule')
      return { val: { t: 'fm', via: 'new FunctionModule', opts: args.first }, end: args.end };
    return { val: parts.length === 1 ? { t: 'new', callee: last } : UNKNOWN, end: args.end };
  }

  /** Call arguments from `(` at `i`: the first one read, and the index after `)`. */
  private args(i: number): { first: Val | null; end: number } {
    const end = this.skipGroup(i);
    if (this.v(i + 1) === ')') return { first: null, end };
    const r = this.expr(i + 1);
    return { first: r.val, end };
  }

  /** An array literal from its `[` at `i`. */
  private arrayLit(i: number): { val: Val; end: number } {
    const end = this.skipGroup(i);
    const items: Val[] = [];
    let j = i + 1;
    while (j < end - 1) {
      if (this.v(j) === ',') {
        j++;
        continue;
      }
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
}
