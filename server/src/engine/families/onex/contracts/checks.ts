// The ONEX-contracts family's cross-file checks (docs/onex-contracts.md), run only in an ONEX
// repository (a pyproject with `onex.nodes` entry points): the entry points (RL046, RL048, RL049, RL064), each
// node contract (its shape RL050–RL054, RL056, RL057, RL069; its class references RL055; its handler file
// RL068; no entry point RL047; a subscription auto-wiring never reads RL101), each handler contract (RL058),
// runtime profiles on both (RL065–RL067), the tenant_scoped_ingress gate (RL076–RL078, ingress.ts) and the
// topic-naming gate (RL057, topicNaming.ts) on node contracts, and the artifact registry (RL059).
// Every objection names its validator and rule; only those of the validators the repository runs are
// reported (validators.ts).
import type { Diagnostic, Range, RelatedInfo } from '../../../types';
import { baseName, dirOf } from '../../../util/paths';
import { diag } from './codes';
import { at, str, topKeys, type ClassRef, type ContractDoc } from './contractDoc';
import { contractQueries, entryKey, type ContractQueries } from './queries';
import { uncited, type Objection } from './objection';
import { shapeObjections } from './shapeRules';
import { profileObjections } from './profiles';
import { handlerResolution } from './handlerResolution';
import { ingressPlaced } from './ingressCheck';
import { topicPlaced } from './topicCheck';
import { unwiredSubscriptions } from './unwiredTopics';
import { topicModuleKeys, topicModulePlaced } from './topicModules';
import { reads, VALIDATORS, type ValidatorId } from './validators';
import { literalDir } from './artifactDoc';
import type { FamilyQueries } from '../../../analysis/family';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A whole line of a file the engine was fed (a related location). */
function lineRange(c: ContractQueries, file: string, line: number): Range {
  const length = c.lineOf(file, line)?.length ?? 0;
  return { start: { line, character: 0 }, end: { line, character: length } };
}

/**
 * Objections of the validators the repository runs, one diagnostic per code and place: the first validator that
 * objects there in its message, every other one in a related line at the place.
 */
export function report(
  file: string,
  objections: readonly Objection[],
  active: readonly ValidatorId[],
  related: RelatedInfo[] = [],
): Diagnostic[] {
  const groups = new Map<string, Objection[]>();
  for (const o of objections) {
    if (!active.includes(o.validator)) continue;
    const k = `${o.code} ${o.range.start.line}:${o.range.start.character}-${o.range.end.line}:${o.range.end.character}`;
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  const stops = (o: Objection): boolean => o.level === 'fail' && VALIDATORS[o.validator].blocking;
  return [...groups.values()].map((found) => {
    // What makes it an error first: a gate's failure before a warn-only check's word on the same place.
    const os = [...found.filter(stops), ...found.filter((o) => !stops(o))];
    const first = os[0] as Objection;
    const fails = stops(first);
    // One validator's objection is the message; the others at the place are related lines there (a short message).
    const [message, ...others] = os.map((o) => `${VALIDATORS[o.validator].title} [${o.rule}]: ${uncited(o.message)}`);
    const also = others.map((m) => ({ file, range: first.range, message: m }));
    const details = (first.details ?? []).map((d) => ({ file, ...d }));
    return diag(file, first.range, first.code, message as string, {
      severity: fails ? 'error' : 'warning',
      related: [...details, ...also, ...related],
    });
  });
}

/** A resolution problem without its closing parenthesis (what was searched, what imported it), and that. */
function headline(problem: string): [string, string | null] {
  const m = /^(.*?) \(([^()]*)\)$/.exec(problem);
  return m ? [m[1] ?? problem, m[2] ?? null] : [problem, null];
}

export function unitKeys(q: FamilyQueries): string[] {
  const c = contractQueries(q.files);
  // The modules the topic-naming gate's Python half scans are there only where a repository runs it.
  const modules = topicModuleKeys(c).map((f) => `p:${f}`);
  if (!c.isOnexRepo()) return modules;
  return [
    ...modules,
    'entries',
    ...c.contracts().map((f) => `c:${f}`),
    ...c.handlerContracts().map((f) => `h:${f}`),
    ...c.artifactRegistries().map((f) => `a:${f}`),
  ];
}

export function unit(key: string, q: FamilyQueries): Diagnostic[] {
  const c = contractQueries(q.files);
  const active = c.validatorsQ('');
  if (key === 'entries') return checkEntries(c, active);
  const file = key.slice(2);
  if (key.startsWith('c:')) return checkContract(c, file, active);
  if (key.startsWith('h:')) return checkHandlerContract(c, file, active);
  if (key.startsWith('p:')) return report(file, topicModulePlaced(c, file), active);
  return checkArtifacts(c, file);
}

/** Entry point → package → contract (discovery.py:135-183), and contract names in discovery's order (:207). */
function checkEntries(c: ContractQueries, active: readonly ValidatorId[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const duplicates = c.duplicatesQ('');
  for (const e of c.entriesQ('')) {
    const key = entryKey(e.file, e.index);
    const r = c.resolutionQ(key);
    if (!r) continue;
    const missing = r.explicit?.outcome === 'missing' ? r.explicit : null;
    const related: RelatedInfo[] = missing
      ? [
          {
            file: missing.file,
            range: lineRange(c, missing.file, missing.line),
            message: `contract_path '${missing.path}' names no file`,
          },
        ]
      : [];
    if (r.problem) {
      // What was searched goes to a related line at the entry point: the message stays one line.
      const [problem, searched] = headline(r.problem);
      const message = `${problem}: '${e.ep.name}' is never wired (discovery.py:${r.tried.length ? 165 : 147})`;
      const detail = searched ? [{ file: e.file, range: e.ep.valueRange, message: searched }] : [];
      const o: Objection = {
        validator: 'auto-wiring',
        rule: 'ModelDiscoveryError',
        code: 'RL046',
        range: e.ep.valueRange,
        level: 'fail',
        message,
      };
      out.push(...report(e.file, [o], active, [...detail, ...related]));
      continue;
    }
    if (!r.contract) continue;
    if (missing) {
      const instead = `discovery silently reads '${r.contract}' instead`;
      const message = `contract_path names no file: ${instead} (discovery.py:335)`;
      const o: Objection = {
        validator: 'auto-wiring',
        rule: 'strategy 1',
        code: 'RL064',
        range: e.ep.valueRange,
        level: 'warn',
        message,
      };
      const read = { file: r.contract, range: ZERO, message: `read instead: ${r.strategy ?? ''}` };
      out.push(...report(e.file, [o], active, [...related, read]));
    }
    const doc = c.contract(r.contract);
    // A contract auto-wiring cannot parse is skipped before its name is recorded (discovery.py:183).
    if (!doc || c.wiringSkipsQ(r.contract)) continue;
    const name = doc.name?.value ?? e.ep.name;
    const nameRange = doc.name?.range ?? ZERO;
    const first = duplicates.get(key);
    const here: RelatedInfo = { file: e.file, range: e.ep.nameRange, message: `entry point '${e.ep.name}'` };
    if (first) {
      out.push(
        ...report(
          r.contract,
          [
            {
              validator: 'auto-wiring',
              rule: 'DUPLICATE_REGISTRATION',
              code: 'RL049',
              range: nameRange,
              level: 'fail',
              message:
                `Duplicate contract name '${name}' already registered by entry point '${first.ep}': ` +
                'discovery skips this one (discovery.py:222)',
            },
          ],
          active,
          [
            here,
            {
              file: first.contract,
              range: c.contract(first.contract)?.name?.range ?? ZERO,
              message: 'first registration',
            },
          ],
        ),
      );
      continue;
    }
    if (doc.name && name !== e.ep.name) {
      out.push(
        diag(
          r.contract,
          nameRange,
          'RL048',
          `The contract is named '${name}' but its entry point is '${e.ep.name}': discovery registers it as ` +
            `'${name}' and detects duplicates on that name`,
          { related: [here] },
        ),
      );
    }
  }
  return out;
}

function checkContract(c: ContractQueries, file: string, active: readonly ValidatorId[]): Diagnostic[] {
  const doc = c.contract(file);
  // A syntax error is all a contract gets (contractDoc.ts `broken`).
  if (!doc || doc.broken) return [];
  const owned = c.ownersOf(file).length > 0;
  // Auto-wiring reads only the contracts entry points resolve to; the others read what their walks find.
  const profiles = profileObjections(doc, c.allowlistedFor(file), c.coreTablesQ(''));
  const handler = handlerResolution(file, doc, (f) => c.files.exists(f));
  const topics = topicPlaced(c, file, doc);
  const objections = [
    ...shapeObjections(doc),
    ...refObjections(c, file, doc),
    ...profiles,
    ...handler,
    ...topics,
    ...unwiredSubscriptions(doc),
  ].filter((o) => (o.validator === 'auto-wiring' ? owned : reads(o.validator, file)));
  if (!owned && isNodeContract(file, doc) && !c.namedByEntry(dirOf(file))) {
    const range = doc.name?.range ?? topKeys(doc.root)[0]?.range ?? ZERO;
    objections.push({
      validator: 'auto-wiring',
      rule: 'onex.nodes',
      code: 'RL047',
      range,
      level: 'warn',
      message:
        "No 'onex.nodes' entry point resolves to this contract: " +
        `auto-wiring never discovers '${doc.name?.value ?? baseName(dirOf(file))}' (discovery.py:135)`,
    });
  }
  // A node the auto-wiring never discovers is still silently dropped: a warning, whoever runs what.
  const own = report(file, objections, active).map((d) =>
    d.code === 'RL047' ? { ...d, severity: 'warning' as const } : d,
  );
  return reads('tenant-ingress', file) ? [...own, ...checkIngress(c, file, doc, active)] : own;
}

/** The tenant_scoped_ingress gate (ingressCheck.ts), where the repository runs it. */
function checkIngress(
  c: ContractQueries,
  file: string,
  doc: ContractDoc,
  active: readonly ValidatorId[],
): Diagnostic[] {
  if (!active.includes('tenant-ingress')) return [];
  return ingressPlaced(c, file, doc).flatMap((p) => report(p.file, [p.objection], active, p.related));
}

/** A node package's contract: `…/nodes/<name>/contract.yaml` declaring a node_type. */
function isNodeContract(file: string, doc: ContractDoc): boolean {
  return baseName(dirOf(dirOf(file))) === 'nodes' && at(doc.root, 'node_type') !== null;
}

/** Class references that do not resolve, by the validators that import them. */
function refObjections(c: ContractQueries, file: string, doc: ContractDoc): Objection[] {
  const out: Objection[] = [];
  for (const ref of doc.refs) {
    const r = c.resolveRef(ref, file);
    if (r.status === 'ok' || r.status === 'outside') continue;
    const o = r.origin?.status === 'absent' && r.origin.via.length > 0 ? r.origin : null;
    const looked = r.tried.map((t) => `'${t}'`).join(', ');
    const what =
      r.status === 'no-module'
        ? `module '${ref.module}' is not in the repository (looked for ${looked})`
        : o
          ? `'${ref.cls}' is imported from '${o.file}', which neither defines nor imports '${o.name}'`
          : `'${ref.cls}' is not defined in '${r.file}'`;
    for (const [validator, rule, where] of importersOf(ref, r.status)) {
      out.push({
        validator,
        rule,
        code: 'RL055',
        range: r.status === 'no-class' ? ref.clsRange : ref.moduleRange,
        level: 'fail',
        message: `${ref.field}: ${what} (${where})`,
      });
    }
  }
  return out;
}

/** Which validators import a reference, by its field and form, with the rule and line that fail. */
function importersOf(ref: ClassRef, status: 'no-module' | 'no-class'): [ValidatorId, string, string][] {
  const model = ref.field === 'input_model' || ref.field === 'output_model';
  if (model && ref.form === 'mapping')
    return [
      [
        'contract-linter',
        status === 'no-module' ? 'CONTRACT-005' : 'CONTRACT-011',
        `linter_contract.py:${status === 'no-module' ? 1015 : 1003}`,
      ],
    ];
  if (model) return [['compliance-scan', 'check 3', 'handler.py:382']];
  const out: [ValidatorId, string, string][] = [
    [
      'auto-wiring',
      status === 'no-module' ? 'import' : 'HANDLER_LOADER_011',
      ref.field.endsWith('event_model')
        ? 'handler_wiring.py:924'
        : `handler_wiring.py:${status === 'no-module' ? 535 : 537}`,
    ],
  ];
  if (ref.form === 'colon')
    out.push(['compliance-scan', 'check 2', `handler.py:${status === 'no-module' ? 342 : 332}`]);
  return out;
}

/**
 * HandlerContractSource → ModelHandlerContract (model_handler_contract.py): required fields, handler_id, no `version`.
 */
function checkHandlerContract(c: ContractQueries, file: string, active: readonly ValidatorId[]): Diagnostic[] {
  const doc = c.handler(file);
  if (!doc) return [];
  const v = 'handler-source' as const;
  const out: Objection[] = [];
  const keys = topKeys(doc.root);
  const first = keys[0]?.range ?? ZERO;
  const fail = (range: typeof ZERO, rule: string, message: string): void => {
    out.push({ validator: v, rule, code: 'RL058', range, level: 'fail', message });
  };
  if (doc.root?.kind !== 'dict')
    fail(
      doc.root?.range ?? ZERO,
      'HANDLER_SOURCE_004',
      'The handler contract is not a mapping (handler_contract_source.py:690)',
    );
  else {
    for (const f of ['handler_id', 'name', 'contract_version', 'descriptor', 'input_model', 'output_model']) {
      if (!keys.some((k) => k.key === f))
        fail(first, 'HANDLER_SOURCE_004', `Field required: ${f} (model_handler_contract.py:190-248)`);
    }
    const id = str(at(doc.root, 'handler_id'));
    if (id) {
      const segs = id.value.split('.');
      const bad = !id.value.trim()
        ? 'handler_id cannot be empty'
        : segs.length < 2
          ? `handler_id '${id.value}' must have at least 2 segments (e.g., 'node.name')`
          : segs.some((s) => !s)
            ? `handler_id '${id.value}' contains empty segment`
            : segs.find((s) => !/^[A-Z_]/i.test(s)) !== undefined
              ? `handler_id segment '${segs.find((s) => !/^[A-Z_]/i.test(s))}' must start with letter or underscore`
              : null;
      if (bad) fail(id.range, 'HANDLER_SOURCE_004', `${bad} (model_handler_contract.py:432-445)`);
      const archetype = str(at(doc.root, 'descriptor.node_archetype'));
      const prefix = (segs[0] ?? '').toLowerCase();
      if (
        !bad &&
        archetype &&
        ['compute', 'effect', 'reducer', 'orchestrator'].includes(prefix) &&
        archetype.value.toLowerCase() !== prefix
      ) {
        fail(
          archetype.range,
          'HANDLER_SOURCE_004',
          `Handler ID prefix '${prefix}' implies node_archetype='${prefix}' ` +
            `but descriptor has node_archetype='${archetype.value}' (model_handler_contract.py:539)`,
        );
      }
    }
  }
  if (reads('runtime-profiles', file) && !doc.broken)
    out.push(...profileObjections(doc, c.allowlistedFor(file), c.coreTablesQ('')));
  const sibling = `${dirOf(file)}/contract.yaml`;
  if (c.files.exists(sibling)) {
    fail(
      first,
      'layout',
      `'${sibling}' lies beside this handler contract: ` +
        'the compliance scan and auto-wiring read that one as a node contract, ' +
        'HandlerContractSource reads this one (handler_contract_source.py:616)',
    );
  }
  return report(file, out, active).map((d) =>
    d.message.includes('[layout]') ? { ...d, severity: 'warning' as const } : d,
  );
}

/**
 * Artifact paths that do not exist, and trigger globs no file can match (the impact analyzer then never flags the
 * artifact).
 */
function checkArtifacts(c: ContractQueries, file: string): Diagnostic[] {
  const doc = c.artifacts(file);
  const py = c.pyprojectOf(file);
  const base = py ? dirOf(py) : '';
  const rel = (p: string): string => (base === '' ? p : `${base}/${p}`);
  const out: Diagnostic[] = [];
  for (const a of doc?.artifacts ?? []) {
    if (a.path && !c.files.exists(rel(a.path.value)) && !c.files.dirExists(rel(a.path.value))) {
      out.push(
        diag(
          file,
          a.path.range,
          'RL059',
          `The artifact '${a.title ?? a.id ?? a.path.value}' is at '${a.path.value}', which does not exist: ` +
            'the impact analyzer flags a document nobody can update',
        ),
      );
    }
    for (const t of a.triggers) {
      const never = triggerMatchesNothing(c, rel(t.value));
      if (never)
        out.push(
          diag(
            file,
            t.range,
            'RL059',
            `No file matches the trigger '${t.value}': the impact analyzer never fires it, ` +
              `so changes never flag '${a.title ?? a.id ?? 'this artifact'}'`,
            { related: [{ file, range: t.range, message: never }] },
          ),
        );
    }
  }
  return out;
}

/** Why a glob can match no file (null: it matches, or the engine cannot tell). */
function triggerMatchesNothing(c: ContractQueries, pattern: string): string | null {
  const dir = literalDir(pattern);
  if (!/[*?[]/.test(pattern)) return c.files.exists(pattern) ? null : 'the file does not exist';
  // Below a directory that exists the engine cannot tell (it reads only the files families want).
  return dir !== null && !c.files.dirExists(dir) ? `'${dir}' does not exist` : null;
}
