// Finds the `path:line:col` locations in an Explain Resolution document's text (kept free of the
// vscode API so it can be tested alone). The engine writes root-relative, normal paths; a `.` or `..`
// segment can only come from a name inside the text, and would lead out of the folder: not a location.
const LOCATION = /([\w.@+-]+(?:\/[\w.@+-]+)*\.[A-Za-z]+):(\d+):(\d+)/g;

export interface ExplainLocation {
  readonly index: number;
  readonly length: number;
  readonly file: string;
  readonly line: string;
  readonly col: string;
}

export function explainLocations(text: string): ExplainLocation[] {
  const out: ExplainLocation[] = [];
  for (const m of text.matchAll(LOCATION)) {
    const [whole, file, line, col] = m;
    if (file === undefined || line === undefined || col === undefined || m.index === undefined) continue;
    if (file.split('/').some((segment) => /^\.+$/.test(segment))) continue;
    out.push({ index: m.index, length: whole.length, file, line, col });
  }
  return out;
}
