// The mid-edit corpus and its measure (issue "typing never blanks a registry"): for each registry and
// companion of the examples, every prefix of typing a new entry into it, plus every single-token
// deletion of a comma, colon, quote or bracket. For each state: which of the file's other entries are
// still analysed (in the outline), and how wide each RL030 is. Shared by the engine test and
// `scripts/tolerance/measure.ts`, which can run it against another engine (the figures before a change).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The engine surface the measure needs (the same on older engines, so "before" figures can be taken). */
export interface MeasuredEngine {
  setFile(file: string, text: string): void;
  update(): string[];
  diagnostics(file: string): { code: string; range: Range }[];
  documentSymbols(
    file: string,
  ): { name: string; kind: string; range: Range; children: { name: string; kind: string; range: Range }[] }[];
}
interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface Figures {
  files: number;
  states: number;
  /** States where every entry outside the broken one is in the outline. */
  statesAllOthersAnalysed: number;
  expectedEntries: number;
  analysedEntries: number;
  /** States with at least one RL030, and those whose RL030s all stay on one line. */
  statesWithRl030: number;
  statesRl030OneLine: number;
  rl030: number;
  rl030OneLine: number;
  /** The states that failed a target, for reading (first few). */
  worst: string[];
}

/** Typed at the end of the first entry's last line: Enter, then the entry, as in an editor. */
const TYPED_PY =
  '\n    "TypedStep": {\n        "sagemaker_step_type": "Processing",\n        "description": "typed mid-edit",\n    },';
const TYPED_YAML = '\ntags:\n  - typed\n  - mid-edit';
const MAX_WORST = Number(process.env['MIDEDIT_MISSES'] ?? 12);
const TOKENS = new Set([',', ':', '"', "'", '[', ']', '{', '}']);

/** Root-relative paths of the files measured under an example root. */
export function measuredFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/(^|_)meta\.yaml$|workspace_registry\.py$|step_names(_original)?\.py$/.test(name))
        out.push(relative(root, abs).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

/** The entries of a file as the outline shows them: steps of registries, top-level keys of a meta file. */
function entries(engine: MeasuredEngine, file: string): { name: string; range: Range }[] {
  return engine.documentSymbols(file).flatMap((s) => (s.kind === 'registry' ? s.children : [s]));
}

function offsetOf(text: string, p: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return i + p.character;
}

interface State {
  label: string;
  text: string;
  /** Offsets [from, to) of the edit in the original text. */ at: [number, number];
}

/** Every mid-edit state of one file; `every` keeps one deletion in N (the test samples, the script takes all). */
export function states(file: string, text: string, firstEntryEnd: number | null, every = 1): State[] {
  const out: State[] = [];
  if (firstEntryEnd !== null) {
    const typed = file.endsWith('.py') ? TYPED_PY : TYPED_YAML;
    const eol = text.indexOf('\n', firstEntryEnd);
    const at = eol < 0 ? text.length : eol > 0 && text[eol - 1] === '\r' ? eol - 1 : eol;
    for (let n = 1; n <= typed.length; n++)
      out.push({
        label: `typing ${JSON.stringify(typed.slice(0, n).slice(-12))}`,
        text: text.slice(0, at) + typed.slice(0, n) + text.slice(at),
        at: [at, at],
      });
  }
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!TOKENS.has(c) || k++ % every !== 0) continue;
    out.push({ label: `deleting '${c}' at offset ${i}`, text: text.slice(0, i) + text.slice(i + 1), at: [i, i + 1] });
  }
  return out;
}

/** Runs every state of `file` through the engine (which holds the rest of its root) and adds to `fig`. */
export function measureFile(engine: MeasuredEngine, file: string, text: string, fig: Figures, every = 1): void {
  engine.setFile(file, text);
  engine.update();
  const base = entries(engine, file).map((e) => ({
    name: e.name,
    from: offsetOf(text, e.range.start),
    to: offsetOf(text, e.range.end),
  }));
  if (base.length === 0) return;
  fig.files++;
  for (const s of states(file, text, base[0]?.to ?? null, every)) {
    engine.setFile(file, s.text);
    engine.update();
    // The broken entry is the one the edit touches; a typed entry is new, so every other one is expected.
    const expected = base.filter((e) => !(s.at[0] < e.to && e.from < Math.max(s.at[1], s.at[0] + 1)));
    const seen = new Set(entries(engine, file).map((e) => e.name));
    const analysed = expected.filter((e) => seen.has(e.name)).length;
    fig.states++;
    fig.expectedEntries += expected.length;
    fig.analysedEntries += analysed;
    const rl030 = engine.diagnostics(file).filter((d) => d.code === 'RL030');
    const oneLine = rl030.filter((d) => d.range.start.line === d.range.end.line).length;
    fig.rl030 += rl030.length;
    fig.rl030OneLine += oneLine;
    if (rl030.length > 0) fig.statesWithRl030++;
    if (rl030.length > 0 && oneLine === rl030.length) fig.statesRl030OneLine++;
    if (analysed === expected.length) fig.statesAllOthersAnalysed++;
    else if (fig.worst.length < MAX_WORST)
      fig.worst.push(`${file}: ${s.label}: ${expected.length - analysed} of ${expected.length} entries lost`);
    if (oneLine < rl030.length && fig.worst.length < MAX_WORST)
      fig.worst.push(`${file}: ${s.label}: an RL030 spans several lines`);
  }
  engine.setFile(file, text);
  engine.update();
}

export function emptyFigures(): Figures {
  return {
    files: 0,
    states: 0,
    statesAllOthersAnalysed: 0,
    expectedEntries: 0,
    analysedEntries: 0,
    statesWithRl030: 0,
    statesRl030OneLine: 0,
    rl030: 0,
    rl030OneLine: 0,
    worst: [],
  };
}

/** Feeds every file of `root` a registry analysis could want (small example roots: all of them). */
export function feedRoot(engine: MeasuredEngine, root: string): void {
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(py|ya?ml)$/.test(name))
        engine.setFile(relative(root, abs).split(sep).join('/'), readFileSync(abs, 'utf8'));
    }
  };
  walk(root);
  engine.update();
}

export function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

export function report(f: Figures): string {
  return [
    `files ${f.files}, mid-edit states ${f.states}`,
    `states where every entry outside the broken one is analysed: ${pct(f.statesAllOthersAnalysed, f.states)} (${f.statesAllOthersAnalysed}/${f.states})`,
    `entries outside the broken one analysed: ${pct(f.analysedEntries, f.expectedEntries)} (${f.analysedEntries}/${f.expectedEntries})`,
    `states with an RL030 whose RL030s all stay on one line: ${pct(f.statesRl030OneLine, f.statesWithRl030)} (${f.statesRl030OneLine}/${f.statesWithRl030})`,
    `RL030 diagnostics on one line: ${pct(f.rl030OneLine, f.rl030)} (${f.rl030OneLine}/${f.rl030})`,
    ...(f.worst.length ? ['misses (first ones):', ...f.worst.map((w) => `  ${w}`)] : []),
  ].join('\n');
}
