// The fuzzer's invariants on an analysis result, checked independently of the engine's own helpers:
// ranges inside the file under LSP line rules (`\r\n`, `\n` and a lone `\r` end a line; characters are
// UTF-16 units, never between the halves of a surrogate pair), start ≤ end, output sorted.

interface Pos {
  line: number;
  character: number;
}
interface Diag {
  file: string;
  code: string;
  range: { start: Pos; end: Pos };
}

export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function inside(lines: string[], p: Pos): boolean {
  const line = lines[p.line];
  if (line === undefined || p.character < 0 || p.character > line.length) return false;
  const before = line.charCodeAt(p.character - 1);
  const at = line.charCodeAt(p.character);
  return !(before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff);
}

const cmp = (a: Pos, b: Pos): number => a.line - b.line || a.character - b.character;

/** Violations of the range and order invariants (empty when all hold). */
export function violations(diags: readonly Diag[], textOf: (file: string) => string | undefined): string[] {
  const out: string[] = [];
  const lineCache = new Map<string, string[]>();
  diags.forEach((d, i) => {
    const text = textOf(d.file);
    const where = `${d.file} ${d.code} ${JSON.stringify(d.range)}`;
    if (cmp(d.range.start, d.range.end) > 0) out.push(`start after end: ${where}`);
    if (text !== undefined) {
      let lines = lineCache.get(d.file);
      if (!lines) lineCache.set(d.file, (lines = lspLines(text)));
      if (!inside(lines, d.range.start) || !inside(lines, d.range.end)) out.push(`range outside the file: ${where}`);
    }
    const prev = diags[i - 1];
    if (
      prev &&
      (prev.file > d.file ||
        (prev.file === d.file &&
          (cmp(prev.range.start, d.range.start) > 0 ||
            (cmp(prev.range.start, d.range.start) === 0 && prev.code > d.code))))
    ) {
      out.push(`unsorted: ${where} after ${prev.file} ${prev.code} ${JSON.stringify(prev.range)}`);
    }
  });
  return out;
}
