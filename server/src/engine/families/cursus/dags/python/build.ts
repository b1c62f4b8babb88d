// Reads the pipeline DAGs a Python module builds (`dag = PipelineDAG(nodes=…, edges=…)`, then
// `dag.add_node("X")`, `dag.add_edge("A", "B")`) and the shared DAGs it loads (`load_shared_dag("id")`),
// statement by statement, without running anything: module constants and names bound to literals are
// followed, a `for` over a known list runs its body once per item. An operation whose values or whose
// running the source does not settle (an argument of another kind, an `if`, a loop over anything else,
// the DAG handed to a function of the module) leaves its DAG unchecked, with the reason (`PyDag.unknown`).
import type { Node } from 'web-tree-sitter';
import type { Range } from '../../../../types';
import type { NodeRef } from '../read';
import { range } from '../../../../python/facts';
import { evaluate, unknown, type Env, type Val } from './values';
import { evaluatePath, type PathEnv, type PathVal } from './paths';

/** One change of a DAG, in the order the code makes it; `ctor`: passed to the constructor. */
export type DagOp =
  { kind: 'node'; ref: NodeRef; ctor: boolean } | { kind: 'edge'; from: NodeRef; to: NodeRef; ctor: boolean };

export interface PyDag {
  /** The name called in `PipelineDAG(…)`. */
  at: Range;
  strict: boolean;
  ops: DagOp[];
  /** Why the DAG is not checked (null: every operation on it is known). */
  unknown: string | null;
  /** The configs the module compiles or validates it with (`PipelineDAGCompiler(config_path=…)`), in order. */
  configs: ConfigRef[];
}

/** A config path a compile call names, and the call. */
export interface ConfigRef {
  path: PathVal;
  at: Range;
}

/** A serialized DAG compiled with a config (`compile_dag_to_pipeline(dag_path=…, config_path=…)`). */
export interface DagFilePair {
  dag: PathVal;
  config: ConfigRef;
}

export interface PyDagsDoc {
  dags: PyDag[];
  /** The ids passed to `load_shared_dag()`, each a string literal. */
  loads: NodeRef[];
  dagFiles: DagFilePair[];
}

/** Statements run at most (a loop over a long list inside another): past it, the DAGs are left unchecked. */
const MAX_STEPS = 50_000;
/** Blocks and expressions read at most this deep (a hostile file's nesting must not exhaust the stack). */
const MAX_NESTING = 100;

/** The methods of `PipelineDAGCompiler` that resolve a DAG's nodes against its config. */
const COMPILES = new Set([
  'compile',
  'compile_with_report',
  'validate_dag_compatibility',
  'preview_resolution',
  'create_template',
]);

class Scope implements Env, PathEnv {
  readonly vars = new Map<string, Val>();
  readonly dags = new Map<string, PyDag>();
  /** Names bound to paths, and to compilers (with their config path; null when not known). */
  readonly paths = new Map<string, PathVal | null>();
  readonly compilers = new Map<string, PathVal | null>();
  /** The scope whose statements run with this one's: a function's own (a class body runs with its module's). */
  readonly frame: Scope;
  constructor(
    readonly parent: Scope | null,
    ownFrame = true,
  ) {
    this.frame = ownFrame || !parent ? this : parent.frame;
  }
  get(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }
  dag(key: string): PyDag | undefined {
    return this.dags.get(key) ?? (this.vars.has(key) ? undefined : this.parent?.dag(key));
  }
  path(name: string): PathVal | undefined {
    if (this.paths.has(name)) return this.paths.get(name) ?? undefined;
    return this.vars.has(name) ? undefined : this.parent?.path(name);
  }
  compiler(key: string): PathVal | null | undefined {
    if (this.compilers.has(key)) return this.compilers.get(key);
    return this.vars.has(key) || this.dags.has(key) ? undefined : this.parent?.compiler(key);
  }
}

/** The DAGs and shared-DAG loads of a module's tree (`cr`: the text when it holds a `\r`, see python/facts.ts). */
export function readPyDags(root: Node, cr: string | null): PyDagsDoc {
  return new Builder(root, cr).run();
}

class Builder {
  private readonly dags: PyDag[] = [];
  private readonly loads: NodeRef[] = [];
  private readonly dagFiles: DagFilePair[] = [];
  /** Function bodies, run after the module with the module's names as they end up. */
  private readonly deferred: { def: Node; scope: Scope }[] = [];
  /** Names of the module's functions: a DAG handed to one of them may be changed there. */
  private readonly localFns = new Set<string>();
  /** Why the statements being run may not run (an `if`, an unknown loop), innermost last. */
  private readonly conds: string[] = [];
  /** The depth of `conds` at each DAG's creation (an operation deeper than that may not run), and its frame. */
  private readonly made = new Map<PyDag, { level: number; frame: Scope }>();
  /** Whether a loop body breaks out or skips (by node id): then which items it runs for is not known. */
  private readonly jumps = new Map<number, boolean>();
  private steps = 0;
  private nesting = 0;

  constructor(
    private readonly root: Node,
    private readonly cr: string | null,
  ) {}

  run(): PyDagsDoc {
    for (const c of this.root.namedChildren) {
      const def = c && (c.type === 'decorated_definition' ? c.childForFieldName('definition') : c);
      if (def?.type === 'function_definition') this.localFns.add(def.childForFieldName('name')?.text ?? '');
    }
    const module = new Scope(null);
    this.block(this.root, module);
    for (let i = 0; i < this.deferred.length; i++) {
      const { def, scope } = this.deferred[i] as { def: Node; scope: Scope };
      const own = new Scope(scope);
      // A parameter hides the module's name: its value is the caller's.
      for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
        const name = p?.type === 'identifier' ? p : (p?.childForFieldName('name') ?? p?.firstNamedChild);
        if (name?.type === 'identifier') own.vars.set(name.text, { kind: 'unknown', why: `\`${name.text}\`` });
      }
      const body = def.childForFieldName('body');
      if (body) this.block(body, own);
    }
    return { dags: this.dags, loads: this.loads, dagFiles: this.dagFiles };
  }

  private block(n: Node, scope: Scope): void {
    if (this.nesting >= MAX_NESTING) {
      for (const d of this.dags) d.unknown ??= `the code is nested too deeply to read (line ${line(n)})`;
      return;
    }
    this.nesting++;
    for (const s of n.namedChildren) if (s) this.statement(s, scope);
    this.nesting--;
  }

  private statement(s: Node, scope: Scope): void {
    if (++this.steps > MAX_STEPS) {
      for (const d of this.dags) d.unknown ??= 'the module makes too many changes to read them all';
      return;
    }
    switch (s.type) {
      case 'expression_statement': {
        const e = s.firstNamedChild;
        if (e?.type === 'assignment') this.assign(e, scope);
        else if (e?.type === 'augmented_assignment') this.augment(e, scope);
        else if (e) this.expression(e, scope);
        return;
      }
      case 'return_statement': {
        const e = s.firstNamedChild;
        if (e) this.expression(e, scope);
        return;
      }
      case 'function_definition':
        return this.defer(s, scope);
      case 'decorated_definition': {
        const def = s.childForFieldName('definition');
        if (def) this.statement(def, scope);
        return;
      }
      case 'class_definition': {
        const body = s.childForFieldName('body');
        if (body) this.block(body, new Scope(scope, false));
        return;
      }
      case 'for_statement':
        return this.loop(s, scope);
      case 'with_statement': {
        const body = s.childForFieldName('body');
        if (body) this.block(body, scope);
        return;
      }
      case 'try_statement':
        for (const c of s.namedChildren) {
          if (c?.type === 'block') this.block(c, scope);
          else if (c?.type === 'finally_clause') this.clauses(c, scope, null);
          else if (c) this.clauses(c, scope, `in the \`${c.type.replace('_clause', '')}\` clause on line ${line(c)}`);
        }
        return;
      case 'if_statement':
      case 'while_statement':
      case 'match_statement':
        return this.clauses(s, scope, `under the \`${s.type.replace('_statement', '')}\` on line ${line(s)}`);
      default:
        return;
    }
  }

  /** The blocks of a compound statement, each run under `cond` (null: unconditionally). */
  private clauses(s: Node, scope: Scope, cond: string | null): void {
    if (cond) this.conds.push(cond);
    for (const b of blocksOf(s)) this.block(b, scope);
    if (cond) this.conds.pop();
  }

  private defer(def: Node, scope: Scope): void {
    this.deferred.push({ def, scope });
    const name = def.childForFieldName('name')?.text;
    if (name) scope.vars.set(name, { kind: 'unknown', why: `\`${name}\`` });
  }

  private loop(s: Node, scope: Scope): void {
    const left = s.childForFieldName('left');
    const right = s.childForFieldName('right');
    const body = s.childForFieldName('body');
    if (!left || !right || !body) return;
    const over = evaluate(right, scope, this.cr);
    let jumps = this.jumps.get(body.id);
    if (jumps === undefined) {
      jumps = body.descendantsOfType(['break_statement', 'continue_statement']).length > 0;
      this.jumps.set(body.id, jumps);
    }
    const alt = s.childForFieldName('alternative');
    if (over.kind !== 'list' || jumps) {
      this.conds.push(`in the loop over ${over.kind === 'unknown' ? over.why : unknown(right).why} on line ${line(s)}`);
      bindTarget(left, unknown(right), scope);
      this.block(body, scope);
      if (alt) this.clauses(alt, scope, null);
      this.conds.pop();
      return;
    }
    for (const item of over.items) {
      bindTarget(left, item, scope);
      this.block(body, scope);
    }
    if (alt) this.clauses(alt, scope, null);
  }

  private assign(e: Node, scope: Scope): void {
    const left = e.childForFieldName('left');
    const right = e.childForFieldName('right');
    if (!left || !right) return;
    const key = receiverKey(left);
    const made = right.type === 'call' ? this.call(right, scope) : null;
    if (made === null && right.type !== 'call') this.escapes(right, scope);
    bindTarget(left, made ? { kind: 'unknown', why: `\`${left.text}\`` } : evaluate(right, scope, this.cr), scope);
    if (key !== null) {
      scope.dags.delete(key);
      if (made) scope.dags.set(key, made);
      const compiler = right.type === 'call' ? this.compilerConfig(right, scope) : undefined;
      if (compiler !== undefined) scope.compilers.set(key, compiler);
      else scope.compilers.delete(key);
      if (left.type === 'identifier') scope.paths.set(key, evaluatePath(right, scope, this.cr));
    }
  }

  private augment(e: Node, scope: Scope): void {
    const left = e.childForFieldName('left');
    const right = e.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) return;
    const was = scope.get(left.text);
    const add = evaluate(right, scope, this.cr);
    const op = e.childForFieldName('operator')?.text;
    const sum: Val =
      op === '+=' && was?.kind === 'list' && add.kind === 'list'
        ? { kind: 'list', items: [...was.items, ...add.items] }
        : unknown(e);
    scope.vars.set(left.text, sum);
  }

  private expression(e: Node, scope: Scope): void {
    if (e.type === 'call') this.call(e, scope);
    else this.escapes(e, scope);
  }

  /** A call: a DAG made (returned), a change to one, a shared DAG loaded, or a DAG handed to the module's function. */
  private call(c: Node, scope: Scope, depth = 0): PyDag | null {
    const fn = c.childForFieldName('function');
    const args = argsOf(c);
    const callee =
      fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : null;
    if (callee === 'PipelineDAG') return this.make(c, args, scope);
    if (callee === 'load_shared_dag') {
      const id = args.named.get('dag_id') ?? args.positional[0];
      const v = id ? evaluate(id, scope, this.cr) : null;
      if (v?.kind === 'str') this.loads.push(v.ref);
      return null;
    }
    if (callee === 'compile_dag_to_pipeline') this.compileCall(c, args, scope);
    if (fn?.type === 'attribute' && callee && COMPILES.has(callee)) {
      const obj = fn.childForFieldName('object');
      const config = obj ? this.compilerOf(obj, scope) : undefined;
      const dag = args.named.get('dag') ?? args.positional[0];
      const made = dag?.type === 'identifier' ? scope.dag(dag.text) : undefined;
      if (config && made) made.configs.push({ path: config, at: range(c, this.cr) });
    }
    if (fn?.type === 'attribute' && (callee === 'add_node' || callee === 'add_edge')) {
      const obj = fn.childForFieldName('object');
      const dag = obj ? scope.dag(receiverKey(obj) ?? '') : undefined;
      if (dag) {
        this.change(dag, callee, c, args, scope);
        return null;
      }
    }
    if (fn?.type === 'identifier' && this.localFns.has(fn.text)) {
      for (const a of [...args.positional, ...args.named.values()]) {
        const dag = a.type === 'identifier' ? scope.dag(a.text) : undefined;
        if (dag) dag.unknown ??= `it is passed to \`${fn.text}()\` on line ${line(c)}, which may change it`;
      }
    }
    for (const a of [...args.positional, ...args.named.values()]) this.escapes(a, scope, depth + 1);
    return null;
  }

  /** DAGs made inside an expression that is not a plain call statement (`compile(PipelineDAG(…))`). */
  private escapes(e: Node, scope: Scope, depth = 0): void {
    if (depth > MAX_NESTING) return;
    if (e.type === 'call') {
      this.call(e, scope, depth);
      return;
    }
    for (const c of e.namedChildren) if (c && c.type !== 'lambda') this.escapes(c, scope, depth + 1);
  }

  private make(c: Node, args: Args, scope: Scope): PyDag {
    const dag: PyDag = {
      at: range(c.childForFieldName('function') ?? c, this.cr),
      strict: false,
      ops: [],
      unknown: null,
      configs: [],
    };
    this.dags.push(dag);
    this.made.set(dag, { level: this.conds.length, frame: scope.frame });
    const nodes = args.named.get('nodes') ?? args.positional[0];
    const edges = args.named.get('edges') ?? args.positional[1];
    const strict = args.named.get('strict') ?? args.positional[2];
    if (args.other) dag.unknown = `its constructor takes ${args.other}`;
    if (strict && strict.type !== 'false' && strict.type !== 'none') {
      if (strict.type === 'true') dag.strict = true;
      else dag.unknown ??= `strict=\`${strict.text}\` is not a literal`;
    }
    if (nodes && nodes.type !== 'none') {
      const v = evaluate(nodes, scope, this.cr);
      const items = v.kind === 'list' ? v.items : null;
      if (!items) dag.unknown ??= `its nodes= is ${whyOf(v, nodes)}`;
      for (const item of items ?? []) {
        if (item.kind === 'str') dag.ops.push({ kind: 'node', ref: item.ref, ctor: true });
        else dag.unknown ??= `a node of its nodes= is ${whyOf(item, nodes)}`;
      }
    }
    if (edges && edges.type !== 'none') {
      const v = evaluate(edges, scope, this.cr);
      const items = v.kind === 'list' ? v.items : null;
      if (!items) dag.unknown ??= `its edges= is ${whyOf(v, edges)}`;
      for (const item of items ?? []) {
        const pair = item.kind === 'list' && item.items.length === 2 ? item.items : null;
        const [a, b] = pair ?? [];
        if (a?.kind === 'str' && b?.kind === 'str') dag.ops.push({ kind: 'edge', from: a.ref, to: b.ref, ctor: true });
        else dag.unknown ??= `an edge of its edges= is ${item.kind === 'unknown' ? item.why : 'not a pair of strings'}`;
      }
    }
    return dag;
  }

  /** A compiler's config path: a name bound to one, or `PipelineDAGCompiler(config_path=…)` itself. */
  private compilerOf(obj: Node, scope: Scope): PathVal | null | undefined {
    if (obj.type === 'call') return this.compilerConfig(obj, scope);
    const key = receiverKey(obj);
    return key === null ? undefined : scope.compiler(key);
  }

  /** The config path of a `PipelineDAGCompiler(…)` call (null: not known); undefined for another call. */
  private compilerConfig(c: Node, scope: Scope): PathVal | null | undefined {
    const fn = c.childForFieldName('function');
    const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
    if (name !== 'PipelineDAGCompiler') return undefined;
    const args = argsOf(c);
    const config = args.named.get('config_path') ?? args.positional[0];
    return config ? evaluatePath(config, scope, this.cr) : null;
  }

  /** `compile_dag_to_pipeline(dag=…, dag_path=…, config_path=…)`: the DAG (or DAG file) and its config. */
  private compileCall(c: Node, args: Args, scope: Scope): void {
    const configArg = args.named.get('config_path') ?? args.positional[2];
    const path = configArg ? evaluatePath(configArg, scope, this.cr) : null;
    if (!path) return;
    const config = { path, at: range(c, this.cr) };
    const dagPath = args.named.get('dag_path') ?? args.positional[1];
    const file = dagPath ? evaluatePath(dagPath, scope, this.cr) : null;
    if (file) this.dagFiles.push({ dag: file, config });
    const dag = args.named.get('dag') ?? args.positional[0];
    const made = dag?.type === 'identifier' ? scope.dag(dag.text) : undefined;
    made?.configs.push(config);
  }

  private change(dag: PyDag, method: 'add_node' | 'add_edge', c: Node, args: Args, scope: Scope): void {
    const made = this.made.get(dag);
    const level = made?.level ?? 0;
    if (made?.frame !== scope.frame) {
      dag.unknown ??= `${method}() on line ${line(c)} runs in a function, which may run any number of times`;
      return;
    }
    if (this.conds.length > level) {
      dag.unknown ??= `${method}() on line ${line(c)} runs ${this.conds[level] ?? ''}`;
      return;
    }
    const want = method === 'add_node' ? ['node'] : ['src', 'dst'];
    const vals = want.map((name, i) => {
      const a = args.named.get(name) ?? args.positional[i];
      return a ? { v: evaluate(a, scope, this.cr), a } : null;
    });
    const refs: NodeRef[] = [];
    for (const x of vals) {
      if (x?.v.kind === 'str') refs.push(x.v.ref);
      else {
        dag.unknown ??= `${method}() on line ${line(c)} takes ${x ? whyOf(x.v, x.a) : 'too few arguments'}`;
        return;
      }
    }
    if (args.other || args.positional.length + args.named.size !== want.length) {
      dag.unknown ??= `${method}() on line ${line(c)} takes other arguments`;
      return;
    }
    const [a, b] = refs as [NodeRef, NodeRef | undefined];
    dag.ops.push(b ? { kind: 'edge', from: a, to: b, ctor: false } : { kind: 'node', ref: a, ctor: false });
  }
}

interface Args {
  positional: Node[];
  named: Map<string, Node>;
  /** `*x` or `**x`, which say nothing of what is passed. */
  other: string | null;
}

function argsOf(c: Node): Args {
  const out: Args = { positional: [], named: new Map(), other: null };
  for (const a of c.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value) out.named.set(name, value);
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.other ??= `\`${a.text}\``;
    else out.positional.push(a);
  }
  return out;
}

/** What a value that is not the expected one is, for a message. */
function whyOf(v: Val, n: Node): string {
  if (v.kind === 'unknown') return `${v.why}, not known without running the code`;
  return v.kind === 'str' ? 'a string, not a list' : `\`${n.text.slice(0, 40)}\`, not a string`;
}

/** The key a DAG is bound to: a name, or an attribute path (`self.dag`); null for other targets. */
function receiverKey(n: Node): string | null {
  const names: string[] = [];
  let at: Node | null = n;
  while (at?.type === 'attribute' && names.length <= MAX_NESTING) {
    const a = at.childForFieldName('attribute');
    if (!a) return null;
    names.unshift(a.text);
    at = at.childForFieldName('object');
  }
  return at?.type === 'identifier' ? [at.text, ...names].join('.') : null;
}

/** Binds an assignment or loop target: a name, or a tuple of names taking a known sequence apart. */
function bindTarget(t: Node, v: Val, scope: Scope, depth = 0): void {
  if (depth > MAX_NESTING) return;
  if (t.type === 'identifier') {
    scope.vars.set(t.text, v);
    scope.dags.delete(t.text);
    return;
  }
  if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'tuple') {
    const parts = t.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const items = v.kind === 'list' && v.items.length === parts.length ? v.items : null;
    parts.forEach((p, i) => bindTarget(p, items?.[i] ?? unknown(p), scope, depth + 1));
  }
}

function line(n: Node): number {
  return n.startPosition.row + 1;
}

/** A compound statement's own blocks: its body and those of its clauses (`elif`, `else`, `except`, `case`). */
function blocksOf(s: Node): Node[] {
  const out: Node[] = [];
  for (const c of s.namedChildren) {
    if (!c) continue;
    const clauses = c.type === 'block' ? c.namedChildren.filter((x) => x?.type === 'case_clause') : [];
    if (clauses.length) for (const x of clauses) out.push(...blocksOf(x as Node));
    else if (c.type === 'block') out.push(c);
    else if (c.type.endsWith('_clause')) out.push(...blocksOf(c));
  }
  return out;
}
