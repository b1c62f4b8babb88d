// The top-level statements of a TypeScript or JavaScript file, for the exports reader (jsExports.ts):
// what it declares and exports (ES modules and the CommonJS forms it knows), and what it imports as
// apcore's `module`.
import { jsTokens, type Tok } from './jsTokens';
import { ExpressionReader } from './jsExpressions';
import { FN, NULLISH, type Val } from './jsValues';

/** A declaration: its name's token, its tokens' offsets, and its value. */
export interface Decl {
  name: string;
  nameAt: Tok;
  start: number;
  end: number;
  val: Val;
}

/** An export: a declaration, or the local name it exports (looked up once the whole file is read). */
export interface Exported {
  name: string;
  local: string | null;
  decl: Decl | null;
}

/** What a file declares and exports. */
export interface FileDeclarations {
  readonly decls: ReadonlyMap<string, Decl>;
  readonly exported: readonly Exported[];
  /** Whether the file may export more than `exported` lists (re-exports, CommonJS forms). */
  readonly open: boolean;
  /** A top-level `module({...})` without an `id`: the offsets of the name it is assigned to. */
  readonly throwsAt: { start: number; end: number } | null;
}

export function readDeclarations(text: string): FileDeclarations {
  return new DeclarationReader(text).read();
}

class DeclarationReader extends ExpressionReader {
  private readonly decls = new Map<string, Decl>();
  private readonly exported: Exported[] = [];
  private open = false;
  private throwsAt: { start: number; end: number } | null = null;

  constructor(text: string) {
    super(text, jsTokens(text));
  }

  read(): FileDeclarations {
    const n = this.toks.length;
    let i = 0;
    while (i < n) {
      const next = this.statement(i);
      i = next > i ? next : i + 1;
    }
    return { decls: this.decls, exported: this.exported, open: this.open, throwsAt: this.throwsAt };
  }

  /** One top-level statement from token `i`; the index after it (or `i` when nothing was read). */
  private statement(i: number): number {
    const t = this.toks[i] as Tok;
    const prevDot = this.v(i - 1) === '.' || this.v(i - 1) === '?.';
    if (t.kind !== 'id')
      return t.kind === 'p' && (t.value === '(' || t.value === '[' || t.value === '{') ? this.skipGroup(i) : i + 1;
    if (prevDot) return i + 1;
    switch (t.value) {
      case 'import':
        return this.importDecl(i);
      case 'export':
        return this.exportDecl(i);
      case 'const':
      case 'let':
      case 'var':
        return this.varDecl(i, false);
      case 'class':
        return this.classDecl(i, false, i);
      case 'abstract':
        return this.v(i + 1) === 'class' ? this.classDecl(i + 1, false, i) : i + 1;
      case 'function':
      case 'async':
        return this.functionDecl(i, false);
      case 'module':
      case 'exports':
        return this.commonJs(i);
      default:
        return i + 1;
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
      else if (this.v(j) === '*' && this.v(j + 1) === 'as' && this.toks[j + 2]?.kind === 'id') {
        this.namespaces.add(this.toks[j + 2]?.value as string);
        j += 2;
      } else if (inBraces && t.kind === 'id' && t.value === 'module') {
        const alias = this.v(j + 1) === 'as' ? (this.toks[j + 2]?.value ?? null) : 'module';
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
    if (w === 'enum' || w === 'namespace') {
      const name = this.toks[j + 1];
      if (name?.kind === 'id')
        this.exported.push({
          name: name.value as string,
          local: null,
          decl: {
            name: name.value as string,
            nameAt: name,
            start: this.toks[i]?.start ?? 0,
            end: name.end,
            val: { t: 'obj', via: w, props: new Map(), open: false, texts: new Map() },
          },
        });
      return this.skipTo(j, '{');
    }
    if (w === '*') {
      this.open = true;
      return this.skipTo(j, ';');
    }
    if (w === '=') {
      const r = this.expr(j + 1);
      this.exported.push({
        name: 'default',
        local: null,
        decl: this.declOf('default', this.toks[i] as Tok, i, r.end, r.val),
      });
      return r.end;
    }
    if (w === 'import') {
      this.open = true;
      return this.skipTo(j, ';');
    }
    if (w === '{') {
      const end = this.skipGroup(j);
      const from = this.v(end) === 'from';
      if (from) this.open = true;
      for (let k = j + 1; k < end - 1; k++) {
        const t = this.toks[k] as Tok;
        if (t.kind !== 'id') continue;
        // `type X` names a type only: nothing at runtime.
        if (t.value === 'type' && this.toks[k + 1]?.kind === 'id') {
          while (k < end - 1 && this.v(k + 1) !== ',') k++;
          continue;
        }
        const local = t.value as string;
        let name = local;
        if (this.v(k + 1) === 'as') {
          const a = this.toks[k + 2];
          name = a?.kind === 'id' || a?.kind === 'str' ? (a.value ?? local) : local;
          k += 2;
        }
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
      const decl = named
        ? (this.decls.get(this.toks[k + 1]?.value as string) ?? null)
        : (this.decls.get('default') ?? null);
      this.exported.push({ name: 'default', local: null, decl });
      return end;
    }
    const r = this.expr(j + 1);
    const target = r.val.t === 'ref' ? (this.decls.get(r.val.name) ?? null) : null;
    this.exported.push({
      name: 'default',
      local: null,
      decl: target ?? this.declOf('default', this.toks[j] as Tok, i, r.end, r.val),
    });
    return r.end;
  }

  private declOf(name: string, nameAt: Tok, from: number, to: number, val: Val): Decl {
    return {
      name,
      nameAt,
      start: (this.toks[from] as Tok).start,
      end: this.toks[Math.max(from, to - 1)]?.end ?? nameAt.end,
      val,
    };
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
      let val: Val = NULLISH;
      let end = e;
      if (this.v(e) === '=') {
        const r = this.expr(e + 1);
        val = r.val;
        end = r.end;
      }
      const decl = this.declOf(name.value as string, name, exported ? k - 1 : k, end, val);
      this.declare(decl, exported);
      if (val.t === 'fm' && val.via === 'module()') this.checkModuleCall(val, name);
      if (this.v(end) !== ',') return end;
      j = end + 1;
    }
  }

  /** Records a declaration, and its export when `exported`. */
  private declare(decl: Decl, exported: boolean): void {
    this.decls.set(decl.name, decl);
    if (exported) this.exported.push({ name: decl.name, local: null, decl });
  }

  /** `module({...})` without an `id` throws when the file is imported (decorator.ts `module`). */
  private checkModuleCall(val: Extract<Val, { t: 'fm' }>, at: Tok): void {
    const o = val.opts;
    if (this.throwsAt || !o || o.t !== 'obj' || o.open) return;
    const id = o.props.get('id');
    if (!id || (id.t === 'prim' && id.nullish) || (id.t === 'str' && id.value === ''))
      this.throwsAt = { start: at.start, end: at.end };
  }

  private classDecl(k: number, exported: boolean, from: number, anonymousAt?: number): number {
    const nameTok = this.toks[k + 1];
    const named = nameTok?.kind === 'id' && nameTok.value !== 'extends' && nameTok.value !== 'implements';
    const r = this.classBody(k);
    const at = named ? nameTok : (this.toks[anonymousAt ?? k] as Tok);
    const name = named ? (nameTok.value as string) : 'default';
    const decl = this.declOf(name, at, from, r.end, { t: 'class', cls: r.cls });
    this.declare(decl, exported);
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
      this.declare(decl, exported);
    }
    return end;
  }

  /** CommonJS: `module.exports = X` is the default export, `exports.N = X` / `module.exports.N = X` a named one. */
  private commonJs(i: number): number {
    let j = i;
    if (this.v(j) === 'module') {
      if (this.v(j + 1) !== '.' || this.v(j + 2) !== 'exports') return i + 1;
      j += 2;
    }
    if (this.v(j + 1) === '=') {
      if (this.v(j) !== 'exports') {
        const r = this.expr(j + 2);
        if (r.val.t !== 'obj') this.open = true;
        this.exported.push({
          name: 'default',
          local: null,
          decl: this.declOf('default', this.toks[i] as Tok, i, r.end, r.val),
        });
        return r.end;
      }
      return i + 1;
    }
    if (this.v(j + 1) === '.' && this.toks[j + 2]?.kind === 'id' && this.v(j + 3) === '=') {
      const nameTok = this.toks[j + 2] as Tok;
      const r = this.expr(j + 4);
      this.exported.push({
        name: nameTok.value as string,
        local: null,
        decl: this.declOf(nameTok.value as string, nameTok, i, r.end, r.val),
      });
      return r.end;
    }
    this.open = true;
    return i + 1;
  }
}
