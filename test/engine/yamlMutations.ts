// Deterministic edits of YAML files, for the proofs that a quicker read equals the whole read by the
// parser or declines (yamlSplice.test.ts, fastYaml.test.ts): the mistakes of typing within a line, and
// lines added, removed, joined, split, re-indented or doubled.
import type { Rng } from '../../bench/rng';

const CHARS = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '#',
  '\\',
  ' ',
  'a',
  'Z',
  '_',
  '0',
  '-',
  '*',
  '&',
  '!',
  '|',
  '>',
  'é',
  '?',
  '\t',
  '%',
];
export const YAML_VALUES = [
  '"active"',
  'x',
  '""',
  '[a, b]',
  '{k: 1}',
  'null',
  'true',
  '12',
  '1e5',
  '|\n  text',
  '"a\n  b"',
  '- x',
  'a: b',
  '&a x',
  '*a',
  '!tag x',
  '',
];
const LINES = [
  '  - name: "new"',
  '    status: "wip"',
  'key: value',
  '# a comment',
  '',
  '  children:',
  '  - name: x',
  '    type: file',
  '---',
  '      - version: "v9_0_0"',
  '- a',
];

/**
 * One edit: within one line (a character, a value), or moving lines (a line added, removed, joined, split,
 * re-indented, doubled). `values`: what a value may become.
 */
export function editYaml(text: string, rng: Rng, values: readonly string[] = YAML_VALUES): string {
  const lines = text.split('\n');
  const at = rng.int(0, lines.length - 1);
  const line = lines[at] ?? '';
  switch (rng.int(0, 10)) {
    case 0: {
      const i = rng.int(0, line.length);
      lines[at] = line.slice(0, i) + rng.pick(CHARS) + line.slice(i);
      break;
    }
    case 1: {
      const i = rng.int(0, Math.max(0, line.length - 1));
      lines[at] = line.slice(0, i) + line.slice(i + 1);
      break;
    }
    case 2:
    case 3: {
      const m = /: (.*)$/.exec(line);
      if (m?.[1] !== undefined) lines[at] = line.slice(0, m.index + 2) + rng.pick(values);
      break;
    }
    case 4:
      lines[at] =
        `${' '.repeat(rng.int(0, 3))}${line.trimStart().length ? ' '.repeat(Math.max(0, line.length - line.trimStart().length - rng.int(0, 2))) : ''}${line.trimStart()}`;
      break;
    case 5:
      lines.splice(at, 0, rng.pick(LINES));
      break;
    case 6:
      lines.splice(at, 2, `${line}${rng.pick(['', ' '])}${(lines[at + 1] ?? '').trimStart()}`);
      break;
    case 7: {
      const i = rng.int(0, line.length);
      lines.splice(at, 1, line.slice(0, i), `${' '.repeat(rng.int(0, 8))}${line.slice(i)}`);
      break;
    }
    case 8:
      lines.splice(at, 0, ...lines.slice(at, at + rng.int(1, 6)));
      break;
    case 9: {
      const a = rng.int(0, lines.length - 1);
      const b = rng.int(0, lines.length - 1);
      lines[a] = `${lines[a] ?? ''} `;
      lines[b] = (lines[b] ?? '').replace(/"(\w)/, '"z$1');
      break;
    }
    default:
      lines.splice(at, rng.int(1, 6));
  }
  return lines.join('\n');
}
