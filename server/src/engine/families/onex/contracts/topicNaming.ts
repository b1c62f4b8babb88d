// omnibase_infra's topic-naming gate (scripts/validation/lint_topic_names.py, OMN-3188/OMN-8507), its
// `--scan-contracts` half as the pre-commit hook (run_topic_lint.sh) and CI run it on
// `src/omnibase_infra/nodes`: every topic a contract names must be `onex.{kind}.{producer}.{event}.v{n}`,
// and a violation counts unless a line of the baseline beside the script appears in its text (:638-646).
import type { Range } from '../../../types';
import type { Lit } from '../../../literal';
import { at, pyyamlBool, type ContractDoc } from './contractDoc';
import type { Objection } from './objection';
import { TOPIC_SCAN } from './validators';

/** The baseline `main` loads by default, beside the script (lint_topic_names.py:619), under the repository root. */
export const TOPIC_BASELINE = 'scripts/validation/topic_naming_baseline.txt';

const KINDS = ['cmd', 'dlq', 'evt', 'intent', 'snapshot'];
// :75-99, sorted as the messages print them.
const PRODUCERS = [
  'github',
  'occ',
  'omnibase-compat',
  'omnibase-infra',
  'omniclaude',
  'omniintelligence',
  'omnimarket',
  'omnimemory',
  'omninode',
  'onex-change-control',
  'platform',
  'ui',
];
const SNAPSHOT_PRODUCERS = ['platform', 'projection'];
// :62-64 under `re.match`: Python's `$` also matches before a final newline, and its `\d` any decimal digit.
const SEGMENT = /^[a-z0-9._-]+\n?$/;
const PRODUCER = /^[a-z0-9-]+\n?$/;
const VERSION = /^v[1-9]\p{Nd}*\n?$|^v1\n?$/u;

/** Python's `repr` of a string, as the gate's messages print topics and segments. */
function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const named: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (named[ch] !== undefined) out += named[ch];
    else if (ch === q) out += `\\${q}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${q}${out}${q}`;
}

const list = (xs: readonly string[]): string => `[${xs.map(pyRepr).join(', ')}]`;

export interface TopicViolation {
  /** What it checks: `segments`, `prefix`, `kind`, `producer`, `event` or `version`. */
  rule: string;
  message: string;
}

/** `lint_topic` (:141-213): the topic's violations, in the gate's order and words. */
export function lintTopic(raw: string): TopicViolation[] {
  const parts = raw.split('.');
  const shown = pyRepr(raw);
  const shape = '(onex.{kind}.{producer}.{event}.{version})';
  if (parts.length < 5)
    return [
      {
        rule: 'segments',
        message: `expected at least 5 dot-separated segments ${shape}, got ${parts.length}: ${shown}`,
      },
    ];
  const [prefix = '', kind = ''] = parts;
  if (kind !== 'snapshot' && parts.length !== 5)
    return [{ rule: 'segments', message: `expected 5 dot-separated segments ${shape}, got ${parts.length}: ${shown}` }];
  const producer = parts[2] ?? '';
  const event = parts.slice(3, -1).join('.');
  const version = parts[parts.length - 1] ?? '';
  const out: TopicViolation[] = [];
  if (prefix !== 'onex')
    out.push({ rule: 'prefix', message: `first segment must be 'onex', got ${pyRepr(prefix)} in topic ${shown}` });
  if (!KINDS.includes(kind))
    out.push({
      rule: 'kind',
      message: `invalid kind ${pyRepr(kind)} in topic ${shown}; must be one of ${list(KINDS)}`,
    });
  const known = kind === 'snapshot' ? SNAPSHOT_PRODUCERS : PRODUCERS;
  if (!PRODUCER.test(producer))
    out.push({
      rule: 'producer',
      message: `invalid producer ${pyRepr(producer)} in topic ${shown}; must match ^[a-z0-9-]+$ (no underscores)`,
    });
  else if (!known.includes(producer))
    out.push({
      rule: 'producer',
      message:
        `unknown producer ${pyRepr(producer)} in topic ${shown}; must be one of ${list(known)}. ` +
        `Did you mean the repo name (e.g. 'omnimarket' not ${pyRepr(producer)})?`,
    });
  if (!SEGMENT.test(event))
    out.push({
      rule: 'event',
      message: `invalid event name ${pyRepr(event)} in topic ${shown}; must match ^[a-z0-9._-]+$`,
    });
  if (!VERSION.test(version))
    out.push({
      rule: 'version',
      message:
        `invalid version ${pyRepr(version)} in topic ${shown}; ` +
        'must be v followed by a positive integer (e.g. v1, v2)',
    });
  return out;
}

interface GateTopic {
  value: string;
  range: Range;
}

/** A non-empty string as PyYAML loads it (a plain `yes`/`on` is a boolean there), else null. */
function text(lit: Lit | null | undefined): GateTopic | null {
  return lit?.kind === 'str' && lit.value !== '' && pyyamlBool(lit) === null
    ? { value: lit.value, range: lit.range }
    : null;
}

const items = (lit: Lit | null): Lit[] => (lit?.kind === 'list' ? lit.items : []);

/**
 * `_extract_raw_topics_from_contract` (:221-254): `event_bus.subscribe_topics` and `publish_topics` (strings, or
 * mappings' `topic`), then `consumed_events`, `published_events` and `produced_events` (mappings' `topic` and `name`).
 */
function gateTopics(root: Lit | null): GateTopic[] {
  const out: GateTopic[] = [];
  const add = (t: GateTopic | null): void => {
    if (t) out.push(t);
  };
  const bus = at(root, 'event_bus');
  if (bus?.kind === 'dict') {
    for (const key of ['subscribe_topics', 'publish_topics']) {
      for (const item of items(at(bus, key))) add(item.kind === 'dict' ? text(at(item, 'topic')) : text(item));
    }
  }
  for (const key of ['consumed_events', 'published_events', 'produced_events']) {
    for (const item of items(at(root, key))) {
      if (item.kind !== 'dict') continue;
      add(text(at(item, 'topic')));
      add(text(at(item, 'name')));
    }
  }
  return out;
}

/** `_load_baseline` (:461-475): the stripped lines, neither empty nor comments. */
export function readTopicBaseline(source: string): string[] {
  return source
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Whether the gate scans a contract at this path, and the repository root it runs from (the path above the scan). */
export function topicGateRoot(path: string): string | null {
  const m = TOPIC_SCAN.exec(path);
  return m ? path.slice(0, m.index + (m[1]?.length ?? 0)) : null;
}

/**
 * The gate's objections to a contract it scans (`scan_contracts`, :257-285), less the violations a baseline line
 * appears in. The gate matches `<contract path>: <violation>`, the path as it was given (absolute from the hook,
 * relative to the repository root from CI): `shown`, the CI's.
 */
export function topicObjections(shown: string, doc: ContractDoc, baseline: readonly string[]): Objection[] {
  // A file `yaml.safe_load` cannot read is a violation of its own ("Could not parse", :268-273): several documents
  // are one beside auto-wiring's (shapeRules.ts), a syntax error is RL030 alone; a root that is no mapping has no
  // topics (:275).
  if (!doc.loads || doc.root?.kind !== 'dict') return [];
  const out: Objection[] = [];
  for (const t of gateTopics(doc.root)) {
    for (const v of lintTopic(t.value)) {
      if (baseline.some((b) => `${shown}: ${v.message}`.includes(b))) continue;
      out.push({
        validator: 'topic-naming',
        rule: v.rule,
        code: 'RL057',
        range: t.range,
        level: 'fail',
        message: `${v.message} (lint_topic_names.py:141-213)`,
      });
    }
  }
  return out;
}
