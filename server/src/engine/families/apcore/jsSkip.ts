// The TypeScript/JavaScript exports reader (jsExports.ts) reads only what apcore's loader looks at; this
// finds, by token and without a parser, where what it passes over ends.
import type { Tok } from './jsTokens';

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export class TokenSkipper {
  constructor(protected readonly toks: readonly Tok[]) {}

  /** The text of token `i` when it is a name or punctuation, else null. */
  protected v(i: number): string | null {
    const t = this.toks[i];
    return t && (t.kind === 'id' || t.kind === 'p') ? t.value : null;
  }

  /** Whether token `k` can be a property name. */
  protected isKey(k: number): boolean {
    const t = this.toks[k];
    return !!t && (t.kind === 'id' || t.kind === 'str' || t.kind === 'num');
  }

  /**
   * Whether token `j` ends the expression before it: a separator or closer, or a token on a new line
   * that cannot continue it (automatic semicolons) after a token that can end one.
   */
  protected ends(j: number): boolean {
    const t = this.toks[j] as Tok;
    if (t.kind === 'p' && (t.value === ';' || t.value === ',' || t.value === ')' || t.value === ']' || t.value === '}'))
      return true;
    if (!t.nl || !this.canEnd(j - 1)) return false;
    if (t.kind === 'p') return t.value === '{' || t.value === '++' || t.value === '--';
    return (
      t.kind !== 'id' || (t.value !== 'as' && t.value !== 'satisfies' && t.value !== 'instanceof' && t.value !== 'in')
    );
  }

  /** Whether an expression can end with token `j` (a name, a literal, a closer). */
  private canEnd(j: number): boolean {
    const t = this.toks[j];
    if (!t) return false;
    return t.kind !== 'p' || t.value === ')' || t.value === ']' || t.value === '}';
  }

  /** An arrow function's body from `j` (a block or an expression): the index after it. */
  protected arrowBody(j: number): number {
    return this.v(j) === '{' ? this.skipGroup(j) : this.skipExpr(j);
  }

  /** After a function's name: type parameters, parameters, return type and body. */
  protected functionRest(j: number): number {
    if (this.v(j) === '<') j = this.skipAngles(j);
    if (this.v(j) === '(') j = this.skipGroup(j);
    if (this.v(j) === ':') j = this.skipType(j + 1);
    return this.v(j) === '{' ? this.skipGroup(j) : j;
  }

  /** From an opening bracket at `i`, the index after its closer (the end of the tokens when it is not closed). */
  protected skipGroup(i: number): number {
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
  protected skipAngles(i: number): number {
    let depth = 0;
    for (let j = i; j < this.toks.length; j++) {
      const w = this.v(j);
      if (w === '(' || w === '[' || w === '{') {
        j = this.skipGroup(j) - 1;
        continue;
      }
      if (w === '<') depth++;
      else if (w === '>') {
        depth--;
        if (depth === 0) return j + 1;
      } else if (w === ';' || w === ')' || w === ']' || w === '}') return j;
    }
    return this.toks.length;
  }

  /**
   * A type annotation from `i`: the index of what follows it (`=`, `;`, `,`, a closer, `=>` of an arrow's body, or a
   * new line that cannot continue it).
   */
  protected skipType(i: number): number {
    let j = i;
    let prev: string | null = ':';
    while (j < this.toks.length) {
      const t = this.toks[j] as Tok;
      const w = t.kind === 'p' ? t.value : null;
      if (
        j > i &&
        t.nl &&
        prev !== '|' &&
        prev !== '&' &&
        prev !== ':' &&
        prev !== '=>' &&
        prev !== '.' &&
        w !== '|' &&
        w !== '&' &&
        w !== '.'
      )
        return j;
      if (w === '=' || w === ';' || w === ',' || w === ')' || w === ']' || w === '}' || (w === '=>' && prev !== ')'))
        return j;
      if (w === '(' || w === '[' || w === '{') {
        j = this.skipGroup(j);
        prev = ')';
        continue;
      }
      if (w === '<') {
        j = this.skipAngles(j);
        prev = '>';
        continue;
      }
      prev = t.kind === 'p' ? t.value : 'x';
      j++;
    }
    return j;
  }

  /** The rest of an expression from `i`: up to a separator or closer at its level, or a new line that ends it. */
  protected skipExpr(i: number): number {
    let j = i;
    let ternaries = 0;
    while (j < this.toks.length) {
      const t = this.toks[j] as Tok;
      if (j > i && this.ends(j)) return j;
      if (t.kind === 'p') {
        if (CLOSERS[t.value as string]) {
          j = this.skipGroup(j);
          continue;
        }
        if (t.value === ';' || t.value === ',' || t.value === ')' || t.value === ']' || t.value === '}') return j;
        if (t.value === '?') ternaries++;
        else if (t.value === ':') {
          if (ternaries === 0) return j;
          ternaries--;
        }
      }
      j++;
    }
    return j;
  }

  /** From `i`, the index after the next `stop` at this level (after its group for `{`), or of a following `export`. */
  protected skipTo(i: number, stop: string): number {
    for (let j = i; j < this.toks.length; j++) {
      if (this.v(j) === stop) return stop === '{' ? this.skipGroup(j) : j + 1;
      if (this.v(j) === '{' || this.v(j) === '(' || this.v(j) === '[') j = this.skipGroup(j) - 1;
      else if (j > i && this.v(j) === 'export' && this.v(j - 1) !== '.') return j;
    }
    return this.toks.length;
  }
}
