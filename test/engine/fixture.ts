// rust-analyzer style inline workspaces: `//- /path` starts a file, `$0` marks the cursor, and a line
// like `#   ^^^^ RL005 optional words` marks the range of the line above it with a label (the `#` may
// be left out when the range starts in column 0, as a YAML key does).
import type { Position, Range } from '../../server/src/engine/types';

export interface Annotation {
  file: string;
  range: Range;
  label: string;
}
export interface Fixture {
  files: Map<string, string>;
  cursor: { file: string; position: Position } | null;
  annotations: Annotation[];
}

const ANNOTATION = /^\s*(?:#\s*)?(\^+)\s*(.*)$/;

export function parseFixture(text: string): Fixture {
  const files = new Map<string, string>();
  const annotations: Annotation[] = [];
  let cursor: Fixture['cursor'] = null;
  for (const { path, body } of splitFiles(text)) {
    const out: string[] = [];
    for (const raw of body) {
      const m = ANNOTATION.exec(raw);
      if (m && out.length > 0 && m[1]) {
        const start = raw.indexOf(m[1]);
        const line = out.length - 1;
        annotations.push({
          file: path,
          range: { start: { line, character: start }, end: { line, character: start + m[1].length } },
          label: (m[2] ?? '').trim(),
        });
        continue;
      }
      const c = raw.indexOf('$0');
      if (c >= 0) {
        cursor = { file: path, position: { line: out.length, character: c } };
        out.push(raw.replace('$0', ''));
      } else {
        out.push(raw);
      }
    }
    files.set(path, `${out.join('\n')}\n`);
  }
  return { files, cursor, annotations };
}

/** Files of the fixture, each body dedented on its own (fixtures are assembled from indented snippets). */
function splitFiles(text: string): { path: string; body: string[] }[] {
  const files: { path: string; body: string[] }[] = [];
  for (const line of text.split('\n')) {
    const header = /^\s*\/\/- (\S+)/.exec(line);
    if (header?.[1]) files.push({ path: header[1].replace(/^\//, ''), body: [] });
    else files[files.length - 1]?.body.push(line);
  }
  for (const f of files) {
    const indent = Math.min(...f.body.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
    f.body = f.body.map((l) => l.slice(indent));
    while (f.body.length > 0 && f.body[f.body.length - 1]?.trim() === '') f.body.pop();
  }
  return files;
}
