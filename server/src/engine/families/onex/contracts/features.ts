// The editor on ONEX node contracts: hover on a node (entry point or contract), a class reference, a
// topic or node_type; definition from an entry point to its contract and back, from a reference to its
// class; completion of node_type; document symbols; Explain of a node (entry point → package →
// contract → handlers and models → topics → validators); `list` rows; topic edges for the graph.
import type {
  CompletionResult,
  DocumentSymbolResult,
  Explanation,
  ExplainSection,
  HoverResult,
  ListRow,
  WorkspaceSymbolResult,
} from '../../../api';
import type { FamilyFeatures, FamilyQueries, FlowEdge } from '../../../analysis/family';
import type { Location, Position, Range } from '../../../types';
import { CORE } from '../../../types';
import { contains } from '../../../text/ranges';
import { LineIndex } from '../../../text/lineIndex';
import { closest, subsequence } from '../../../util/editDistance';
import { mdCode, mdText } from '../../../render/escape';
import { contractQueries, type ContractQueries } from './queries';
import type { ClassRef } from './contractDoc';
import type { Origin } from './origin';
import { nodeAt, nodeNamed, nodesOf, peers, verdicts, type OnexNode } from './nodes';
import { CORE_NODE_TYPES, LINTER_NODE_TYPES } from '../framework';
import { VALIDATORS } from './validators';
import { uncited } from './objection';
import { declaredProfiles } from './profiles';
import { sourceText, type CoreTables, type TableSource } from './coreTables';
import { escapeRegExp } from '../../../util/regexEscape';
import { unwired } from './unwiredTopics';

const cq = (q: FamilyQueries): ContractQueries => contractQueries(q.files);
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const at = (file: string, range: Range = ZERO): Location => ({ file, range });

function refAt(n: OnexNode | null, pos: Position): ClassRef | null {
  return n?.doc?.refs.find((r) => contains(r.range, pos)) ?? null;
}

/** The line of `class Name` in a module (the place definition opens). */
function classLine(c: ContractQueries, file: string, cls: string): Range {
  const text = c.files.textOf(file);
  if (text === undefined) return ZERO;
  const i = new RegExp(`^class\\s+${escapeRegExp(cls)}\\b`, 'm').exec(text)?.index;
  if (i === undefined) return ZERO;
  const p = new LineIndex(text).position(i);
  return { start: p, end: { line: p.line, character: p.character + `class ${cls}`.length } };
}

/** Where an entry point's or a reference's class comes from, when a re-export or the source's limits say more. */
function originText(o: Origin | null): string | null {
  if (o?.status === 'unknown') return `where it comes from is not decided: ${o.why} (not judged)`;
  if (o?.status !== 'found' || o.via.length === 0) return null;
  const by = o.via.map((h) => `${h.file}:${h.line + 1}`).join(' ← ');
  const what = o.kind === 'defined' ? `${o.name} is defined in` : `a ${o.kind},`;
  return `${what} ${o.file}:${o.line + 1}, re-exported by ${by}`;
}

function nodeMarkdown(c: ContractQueries, n: OnexNode): string {
  const r = n.resolution;
  const lines = [`**${mdText(n.name)}** — ONEX node${n.doc?.nodeType ? ` · ${mdCode(n.doc.nodeType.value)}` : ''}`];
  if (n.entry) lines.push('', `Entry point ${mdCode(`${n.entry.ep.name} = "${n.entry.ep.value}"`)}`);
  else lines.push('', 'No `onex.nodes` entry point: auto-wiring never discovers it');
  const origin = originText(r?.origin ?? null);
  if (origin) lines.push('', mdText(`Its class: ${origin}`));
  if (r?.problem) lines.push('', mdText(r.problem));
  if (n.contract) lines.push('', `Contract ${mdCode(n.contract)}${r?.strategy ? ` (${mdText(r.strategy)})` : ''}`);
  const ex = r?.explicit;
  if (ex && ex.outcome !== 'read') {
    lines.push('', `${mdCode('contract_path')} (${mdCode(`${ex.file}:${ex.line + 1}`)}): ${mdText(ex.why)}`);
  }
  const v = verdicts(c, n).filter((x) => x.reads);
  if (v.length)
    lines.push(
      '',
      v
        .map(
          (x) =>
            `- ${mdText(VALIDATORS[x.id].title)}${x.runs ? '' : ' (not run here)'}: ` +
            (x.objections.length
              ? `${x.objections.length} objection${x.objections.length === 1 ? '' : 's'}`
              : mdText(x.note)),
        )
        .join('\n'),
    );
  return lines.join('\n');
}

/** A declared profile as ValidatorRuntimeProfiles sees it (validator_runtime_profiles.py:362, :398). */
function profileStanding(profile: string, t: CoreTables): string {
  if (t.noRegistry !== null) return `not judged: ${t.noRegistry}`;
  if (!t.registered.includes(profile)) return 'not a registered runtime profile';
  return t.consumerAttached.includes(profile)
    ? 'registered; runs a standalone consumer'
    : 'registered; runs no standalone consumer';
}

function hover(file: string, pos: Position, fq: FamilyQueries): HoverResult | null {
  const c = cq(fq);
  const n = nodeAt(c, file, pos);
  if (!n) return null;
  if (n.entry?.file === file) return { range: n.entry.ep.nameRange, markdown: nodeMarkdown(c, n) };
  const ref = refAt(n, pos);
  if (ref) {
    const r = c.resolveRef(ref, file);
    const how = originText(r.origin);
    const shown = mdCode(r.file ?? '');
    const ok =
      `${r.origin?.status === 'unknown' ? 'imported by' : 'defined in'} ${shown}` + (how ? `\n\n${mdText(how)}` : '');
    const where =
      r.status === 'ok'
        ? ok
        : r.status === 'outside'
          ? 'outside this repository (not judged)'
          : r.status === 'no-class'
            ? `not defined in ${shown}`
            : `module not found (looked for ${r.tried.map(mdCode).join(', ')})`;
    return {
      range: ref.range,
      markdown: `**${mdText(ref.cls)}** — ${mdText(ref.field)} · ${mdCode(ref.module)}\n\n${where}`,
    };
  }
  const topic = n.doc?.topics.find((t) => contains(t.range, pos));
  if (topic) {
    const others = peers(c, topic, n);
    return {
      range: topic.range,
      markdown:
        `**${mdText(topic.topic)}** — ` +
        `${topic.dir === 'publish' ? 'published' : 'subscribed'} by ${mdText(n.name)}` +
        `${unwired(topic) ? ' — not wired: auto-wiring reads only `event_bus.subscribe_topics`' : ''}\n\n` +
        (others.length
          ? `${topic.dir === 'publish' ? 'Subscribers' : 'Publishers'}: ${others.map((o) => mdCode(o.name)).join(', ')}`
          : `No other node ${topic.dir === 'publish' ? 'subscribes to' : 'publishes'} it`),
    };
  }
  const profile = n.doc ? declaredProfiles(n.doc).find((p) => contains(p.range, pos)) : undefined;
  if (profile) {
    const t = c.coreTablesQ('');
    return {
      range: profile.range,
      markdown:
        `**runtime profile** ${mdCode(profile.value)} — ${mdText(profileStanding(profile.value, t))}\n\n` +
        `Registry: ${mdText(sourceText('registered', t.sources.registered))}`,
    };
  }
  if (n.doc?.nodeType && contains(n.doc.nodeType.range, pos)) {
    return {
      range: n.doc.nodeType.range,
      markdown:
        `**node_type** ${mdCode(n.doc.nodeType.value)}\n\n` +
        `ContractLinter accepts ${LINTER_NODE_TYPES.map(mdCode).join(', ')}; ` +
        `validate-contracts.py any case of ${CORE_NODE_TYPES.slice(0, 10).map(mdCode).join(', ')}, …`,
    };
  }
  if (n.doc?.name && contains(n.doc.name.range, pos)) return { range: n.doc.name.range, markdown: nodeMarkdown(c, n) };
  return null;
}

function definition(file: string, pos: Position, fq: FamilyQueries): Location[] {
  const c = cq(fq);
  const n = nodeAt(c, file, pos);
  if (!n) return [];
  if (n.entry?.file === file) {
    if (n.contract) return [at(n.contract, n.doc?.name?.range ?? ZERO)];
    const o = n.resolution?.origin;
    if (o?.status === 'found') return [at(o.file, o.kind === 'defined' ? classLine(c, o.file, o.name) : ZERO)];
    const loaded = n.resolution?.loaded;
    return loaded && loaded.kind !== 'namespace' ? [at(loaded.file)] : [];
  }
  const ref = refAt(n, pos);
  if (ref) {
    const r = c.resolveRef(ref, file);
    return r.file ? [at(r.file, r.status === 'ok' ? classLine(c, r.file, ref.cls) : ZERO)] : [];
  }
  if (n.doc?.name && contains(n.doc.name.range, pos)) {
    return c.ownersOf(file).flatMap((k) => {
      const e = c.entry(k);
      return e ? [at(e.file, e.ep.nameRange)] : [];
    });
  }
  return [];
}

function completion(file: string, pos: Position, fq: FamilyQueries): CompletionResult[] | null {
  const c = cq(fq);
  if (!c.contract(file)) return null;
  const text = c.files.textOf(file);
  if (text === undefined) return null;
  const before = new LineIndex(text).lineText(pos.line).slice(0, pos.character);
  const m = /^node_type:\s*["']?([A-Za-z_]*)$/.exec(before);
  if (!m) return null;
  const typed = m[1] ?? '';
  const range: Range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  const active = c.validatorsQ('');
  // What every validator the repository runs accepts first; the ones only some accept after.
  const values = active.includes('contract-linter') ? LINTER_NODE_TYPES : CORE_NODE_TYPES;
  return values.map((v, i) => ({
    label: v,
    kind: 'value' as const,
    // omnibase_infra linter_contract.py:98 VALID_NODE_TYPES; omnibase_core validate-contracts.py.
    detail: active.includes('contract-linter')
      ? 'ContractLinter (omnibase_infra)'
      : 'validate-contracts.py (omnibase_core)',
    range,
    insertText: v,
    sortText: String(i).padStart(3, '0'),
  }));
}

function documentSymbols(file: string, fq: FamilyQueries): DocumentSymbolResult[] {
  const c = cq(fq);
  const py = c.pyproject(file);
  if (py?.entries) {
    return py.entries.map((e) => ({
      name: e.name,
      detail: e.value,
      kind: 'module' as const,
      range: { start: e.nameRange.start, end: e.valueRange.end },
      selectionRange: e.nameRange,
      children: [],
    }));
  }
  const doc = c.contract(file) ?? c.handler(file);
  if (!doc?.root || !doc.name) return [];
  const children: DocumentSymbolResult[] = [
    ...doc.refs.map((r) => ({
      name: r.cls,
      detail: r.field,
      kind: 'class' as const,
      range: r.range,
      selectionRange: r.clsRange,
      children: [],
    })),
    ...doc.topics.map((t) => ({
      name: t.topic,
      detail: t.dir,
      kind: 'field' as const,
      range: t.range,
      selectionRange: t.range,
      children: [],
    })),
  ];
  return [
    {
      name: doc.name.value,
      detail: doc.nodeType?.value,
      kind: 'module',
      range: doc.root.range,
      selectionRange: doc.name.range,
      children,
    },
  ];
}

function explain(query: { step: string }, fq: FamilyQueries): Explanation | null {
  const c = cq(fq);
  const n = nodeNamed(c, query.step);
  if (!n) return null;
  const r = n.resolution;
  const sections: ExplainSection[] = [];
  if (n.entry)
    sections.push({
      title: 'Entry point',
      rows: [{ label: n.entry.ep.name, text: n.entry.ep.value, file: n.entry.file, range: n.entry.ep.nameRange }],
    });
  else
    sections.push({
      title: 'Entry point',
      // discovery.py:135 scans entry points only.
      rows: [{ label: '', text: 'none: auto-wiring never discovers this node' }],
    });
  const loaded = r?.loaded;
  if (r) {
    const row = loaded
      ? {
          label: loaded.kind,
          text: loaded.kind === 'namespace' ? loaded.dir : loaded.file,
          ...(loaded.kind === 'namespace' ? {} : { file: loaded.file, range: ZERO }),
        }
      : { label: '', text: r.problem ?? (r.outside ? 'outside this repository' : 'not found') };
    sections.push({ title: 'Package', rows: [row, ...originRows(c, r.origin)] });
  }
  if (n.contract) {
    sections.push({
      title: 'Contract',
      rows: [
        { label: r?.strategy ?? 'found', text: n.contract, file: n.contract, range: n.doc?.name?.range ?? ZERO },
        ...(n.doc?.name ? [{ label: 'name', text: n.doc.name.value, file: n.contract, range: n.doc.name.range }] : []),
        ...(n.doc?.nodeType
          ? [{ label: 'node_type', text: n.doc.nodeType.value, file: n.contract, range: n.doc.nodeType.range }]
          : []),
      ],
    });
  } else if (r?.tried.length)
    sections.push({ title: 'Contract', rows: r.tried.map((t) => ({ label: 'tried', text: t })) });
  const contract = n.contract;
  if (n.doc && contract) {
    sections.push({
      title: 'Handlers and models',
      rows: n.doc.refs.map((ref) => {
        const res = c.resolveRef(ref, contract);
        const text = `${ref.module}:${ref.cls} — ${res.status === 'ok' ? res.file : res.status}`;
        return {
          label: ref.field,
          text,
          ...(res.status === 'ok' && res.file
            ? { file: res.file, range: classLine(c, res.file, ref.cls) }
            : { file: contract, range: ref.range }),
        };
      }),
    });
    sections.push({
      title: 'Topics',
      rows: n.doc.topics.map((t) => ({
        label: t.dir,
        text: `${t.topic}${
          peers(c, t, n).length
            ? ` ↔ ${peers(c, t, n)
                .map((p) => p.name)
                .join(', ')}`
            : ''
        }${unwired(t) ? ` — not wired: auto-wiring reads only event_bus.subscribe_topics` : ''}`,
        file: contract,
        range: t.range,
      })),
    });
  }
  const profiles = n.doc && contract ? declaredProfiles(n.doc) : [];
  if (profiles.length > 0 && contract) {
    const t = c.coreTablesQ('');
    // A table read from the project's omnibase_core opens at its line.
    const source = (s: TableSource): { file?: string; range?: Range } =>
      s.kind === 'package'
        ? { file: s.file, range: { start: { line: s.line, character: 0 }, end: { line: s.line, character: 0 } } }
        : {};
    sections.push({
      title: 'Runtime profiles',
      rows: [
        ...profiles.map((p) => ({
          label: p.value,
          text: profileStanding(p.value, t),
          file: contract,
          range: p.range,
        })),
        { label: 'registry', text: sourceText('registered', t.sources.registered), ...source(t.sources.registered) },
        {
          label: 'consumer lanes',
          text: sourceText('consumerAttached', t.sources.consumerAttached),
          ...source(t.sources.consumerAttached),
        },
      ],
    });
  }
  sections.push({
    title: 'Validators',
    rows: verdicts(c, n)
      .filter((v) => v.reads)
      .map((v) => ({
        label: `${VALIDATORS[v.id].title}${v.runs ? '' : ' (not run here)'}`,
        text: v.objections.length
          ? `${v.objections[0]?.rule}: ${uncited(v.objections[0]?.message ?? '')}` +
            `${v.objections.length > 1 ? ` (+${v.objections.length - 1} more)` : ''}`
          : v.note,
        ...(v.objections[0] && contract ? { file: contract, range: v.objections[0].range } : {}),
      })),
  });
  // The node exists (an entry point or a contract names it), so it is found, also where discovery fails to load
  // it: the summary and the sections say why; the winner is the contract, else the entry point.
  const loads = n.contract !== null && !r?.problem;
  const summary = !n.entry
    ? `${n.name}: a node contract no entry point reaches (never auto-wired)`
    : loads
      ? `${n.name} → ${n.contract}`
      : `${n.name}: ${r?.problem ?? 'no contract'}`;
  const fields = {
    name: n.doc?.name?.value ?? null,
    node_type: n.doc?.nodeType?.value ?? null,
    entry_point: n.entry?.ep.value ?? null,
  };
  const at =
    n.contract !== null
      ? { file: n.contract, range: n.doc?.name?.range ?? ZERO }
      : n.entry
        ? { file: n.entry.file, range: n.entry.ep.nameRange }
        : null;
  return {
    step: query.step,
    context: CORE,
    mode: 'isolated',
    found: true,
    strategy: null,
    legacy: null,
    derived: [],
    trace: [],
    shadowed: [],
    conflicts: [],
    winner: at ? { source: 'onex.nodes', ...at, fields } : null,
    components: { builder: null, config: null, spec: null, contract: null, script: null },
    searched: { builder: [], config: [], spec: [], contract: [], script: [] },
    dependencies: [],
    dependents: [],
    suggestions: [],
    summary,
    sections,
    hasComponents: false,
  };
}

/** The re-exports an entry point's class passes through, and the module defining it (what `inspect.getfile` names). */
function originRows(c: ContractQueries, o: Origin | null): ExplainSection['rows'] {
  if (!o || (o.status === 'found' && o.via.length === 0)) return [];
  const hops = o.via
    .slice(1)
    .map((h) => ({ label: 're-exported by', text: `${h.file}:${h.line + 1}`, file: h.file, range: lineOf(h.line) }));
  if (o.status === 'unknown') return [...hops, { label: 'class', text: `${o.why} (not judged)` }];
  if (o.status === 'absent') {
    return [...hops, { label: 'missing', text: `${o.name} in ${o.file}`, file: o.file, range: ZERO }];
  }
  const range = o.kind === 'defined' ? classLine(c, o.file, o.name) : ZERO;
  const label = o.kind === 'defined' ? 'defined in' : o.kind;
  return [...hops, { label, text: `${o.file}:${range.start.line + 1}`, file: o.file, range }];
}

const lineOf = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });

function list(fq: FamilyQueries): ListRow[] {
  const c = cq(fq);
  return nodesOf(c).map((n) => ({
    name: n.name,
    source: 'onex.nodes',
    file: n.entry?.file ?? n.contract ?? '',
    range: n.entry?.ep.nameRange ?? n.doc?.name?.range ?? ZERO,
    columns: {},
    conflicts: [],
    detail:
      `${n.doc?.nodeType?.value ?? '?'} · ${n.contract ?? n.resolution?.problem ?? 'no contract'}` +
      `${n.entry ? '' : ' · no entry point'}`,
  }));
}

function nameAt(file: string, pos: Position, fq: FamilyQueries): string | null {
  return nodeAt(cq(fq), file, pos)?.name ?? null;
}

/** Each node at its entry point and at its contract's `name` (its top without one): the symbol search, MCP `locate`. */
function workspaceSymbols(query: string, fq: FamilyQueries): WorkspaceSymbolResult[] {
  const out: WorkspaceSymbolResult[] = [];
  for (const n of nodesOf(cq(fq))) {
    if (query && !subsequence(query, n.name.toLowerCase())) continue;
    if (n.entry)
      out.push({
        name: n.name,
        kind: 'module',
        location: { file: n.entry.file, range: n.entry.ep.nameRange },
        containerName: 'onex.nodes',
      });
    if (n.contract)
      out.push({
        name: n.name,
        kind: 'module',
        location: { file: n.contract, range: n.doc?.name?.range ?? ZERO },
        containerName: 'onex contract',
      });
  }
  return out;
}

function names(fq: FamilyQueries): string[] {
  return nodesOf(cq(fq)).map((n) => n.name);
}

function suggest(name: string, fq: FamilyQueries): string[] {
  return closest(name, names(fq), 5);
}

/** Publisher → subscriber, one edge per topic both name (the graph of the core context). */
function flowEdges(wsDir: string | null, fq: FamilyQueries): FlowEdge[] {
  if (wsDir !== null) return [];
  const c = cq(fq);
  const out: FlowEdge[] = [];
  for (const n of nodesOf(c)) {
    for (const t of n.doc?.topics ?? []) {
      if (t.dir !== 'publish' || !n.contract) continue;
      for (const p of peers(c, t, n))
        out.push({ from: n.name, to: p.name, file: n.contract, range: t.range, label: t.topic });
    }
  }
  return out;
}

export const contractFeatures: FamilyFeatures = {
  hover,
  definition,
  completion,
  documentSymbols,
  workspaceSymbols,
  explain,
  list,
  nameAt,
  names,
  suggest,
  flowEdges,
};
