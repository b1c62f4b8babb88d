// Converts between string offsets (UTF-16 units) and LSP positions for sources parsed without
// positions of their own (YAML).
import type { Position, Range } from '../types';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }
  range(start: number, end: number): Range { return { start: this.position(start), end: this.position(end) }; }
  offset(pos: Position): number {
    const start = this.starts[pos.line];
    if (start === undefined) return this.text.length;
    const next = this.starts[pos.line + 1] ?? this.text.length + 1;
    return Math.min(start + pos.character, next - 1);
  }
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const end = this.starts[line + 1];
    return this.text.slice(start, end === undefined ? undefined : end - 1).replace(/\r$/, '');
  }
}
