// The `--scan-python` half of omnibase_infra's topic-naming gate (lint_topic_names.py:288-375, OMN-3259):
// the pre-commit hook (run_topic_lint.sh:61) passes it `$INFRA_ROOT/src/omnibase_infra`, and it lints every
// string constant of every module there that looks like a whole topic (`^onex\..*\.v\d+$`, :105). Only a
// repository whose gate files run it has its modules read (the family's layout), and only a module whose text
// may hold such a constant is parsed.
import type { Range } from '../../../types';
import type { LayoutReads } from '../../../analysis/files';
import { LineIndex } from '../../../text/lineIndex';
import { stringConstants } from '../../../python/stringConstants';
import type { Objection } from './objection';
import { lintedTopics } from './topicNaming';
import { ONEX_CONTRACT_SETTINGS } from './settings';
import { letter, spells, type Word } from './topicPrefilter';

/** Gate-file text that runs the Python half: the hook's wrapper, or the linter given `--scan-python`. */
const MARKER = /run_topic_lint\.sh|lint_topic_names\.py[\s\\]*--scan-python/;
/** The directory the hook scans, under the repository root (run_topic_lint.sh:61). */
const SCANNED = 'src/omnibase_infra';
const SCAN_DIR = /(?:^|\/)src\/omnibase_infra$/;
const PY = /\.py$/;

/** `_ONEX_TOPIC_HEURISTIC` (:105) under `re.match`: `.` stops at a line break, `$` also before a final one. */
const HEURISTIC = /^onex\.[^\n]*\.v\p{Nd}+\n?$/u;

/** The family's layout: the repository roots (`''`, `dir/`) whose `src/omnibase_infra` the gate scans. */
export interface TopicLayout {
  roots: readonly string[];
}

/**
 * The roots whose gate files run the Python half (the setting `onexContracts.validators`, when set, decides instead:
 * with `topic-naming` every root is scanned). A root is one the host reported a `src/omnibase_infra` directory under.
 */
export function topicLayout(reads: LayoutReads): TopicLayout {
  const set = ONEX_CONTRACT_SETTINGS.of(reads.settings).onexValidators;
  if (set && !set.includes('topic-naming')) return { roots: [] };
  const roots = [...reads.directories()]
    .filter((d) => SCAN_DIR.test(d))
    .map((d) => d.slice(0, d.length - SCANNED.length))
    .filter((r) => set !== null || runsGate(reads, r));
  return { roots: roots.sort() };
}

/** Whether a root's pre-commit configuration or CI workflows run the Python half. */
function runsGate(reads: LayoutReads, root: string): boolean {
  const files = [`${root}.pre-commit-config.yaml`, ...reads.filesIn(`${root}.github/workflows`)];
  return files.some((f) => MARKER.test(reads.text(f) ?? ''));
}

/** The root whose gate scans a module (the outermost), or null when none does. */
export function topicModuleRoot(path: string, layout: TopicLayout | null): string | null {
  if (!PY.test(path)) return null;
  return layout?.roots.find((r) => path.startsWith(`${r}${SCANNED}/`)) ?? null;
}

/** A constant the gate lints: its value, `lineno` and range. */
export interface TopicLiteral {
  value: string;
  line: number;
  range: Range;
}

/**
 * Text that can hold a constant looking like a topic: `onex.` at the start of a string's text (after its quote, a field
 * of an f-string, a specifier's colon, a backslash-continued line) and `.v` and a digit, each plain or split across
 * implicitly concatenated pieces and continued lines; or an escape that may write one of those characters. Only such
 * a module is parsed (a tenth of omnibase_infra's).
 */
const ONEX: Word = {
  first: 'o',
  // a string's quote, a field's `}`, a specifier's `:`, or a continued line
  lead: (text, at) =>
    '"\'}:'.includes(text[at - 1] ?? '.') ||
    (text[at - 1] === '\n' && (text[at - 2] === '\\' || (text[at - 2] === '\r' && text[at - 3] === '\\'))) ||
    (text[at - 1] === '\r' && text[at - 2] === '\\'),
  rest: ['n', 'e', 'x', '.'].map(letter),
};
const DIGIT = /\p{Nd}/u;
const VERSION: Word = {
  first: '.',
  lead: () => true,
  rest: [letter('v'), (text, at) => DIGIT.test(String.fromCodePoint(text.codePointAt(at) ?? 0))],
};
const ESCAPED = new RegExp(
  String.raw`\\(?:x(?:6[5eEfF]|7[68]|2[eE]|3\d)|u00(?:6[5eEfF]|7[68]|2[eE]|3\d)|` +
    String.raw`U0000(?:006[5eEfF]|007[68]|002[eE]|003\d)|[0-7]|N\{)`,
);

/** Python's `str.splitlines` boundaries, on a text whose line ends `read_text` has made `\n`. */
const PY_LINES = /[\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/**
 * `_extract_topics_from_python_file` (:322-344): the module's string constants that look like topics, less those on a
 * line holding `noqa: topic-naming-lint` (`_is_suppressed`, :309-313: the physical line `lineno` names in
 * `source.splitlines()`). A module `ast.parse` rejects has none (:336-339).
 */
export function readTopicModule(text: string): TopicLiteral[] {
  if (!(spells(text, ONEX) && spells(text, VERSION)) && !ESCAPED.test(text)) return [];
  const constants = stringConstants(text)?.filter((c) => HEURISTIC.test(c.value));
  if (!constants?.length) return [];
  const index = new LineIndex(text);
  // `read_text` turns `\r\n` and `\r` into `\n` before `ast` counts lines and `splitlines` splits them.
  const lines = text.replace(/\r\n?/g, '\n').split(PY_LINES);
  const out: TopicLiteral[] = [];
  for (const c of constants) {
    const range = index.range(c.start, c.end);
    const line = range.start.line + 1;
    if ((lines[line - 1] ?? '').includes('noqa: topic-naming-lint')) continue;
    out.push({ value: c.value, line, range });
  }
  return out;
}

/**
 * The gate's objections to a module's constants (`scan_python`, :347-375), less those a baseline line appears in. The
 * gate matches `{py_path}:{lineno}: {violation}` with the hook's absolute path: `/` and the root-relative path are its
 * end, so a line matching there matches the hook's text too (one naming the checkout's location drops more there).
 */
export function topicModuleObjections(
  file: string,
  literals: readonly TopicLiteral[],
  baseline: readonly string[],
): Objection[] {
  return lintedTopics(literals, (t) => `/${file}:${t.line}: `, baseline);
}
