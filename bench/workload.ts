// What the measurements need from a synthetic org of any registry family (cursus 1.x, interface-first
// cursus 2.x, ONEX, ONEX node contracts): the files to write, a sample of them to detect a stale tree, seeded edits of the
// family's own files, edits of its central file and of its components, and what was planted. The
// scenarios (bench/scenarios.ts) run the same way on every family, so their figures compare.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Rng } from './rng';

export type Family = 'cursus' | 'interfaces' | 'onex' | 'onex-contracts';

/** One edit: the new full text of a file, or null when the edit deletes it (a `.wip` marker removed). */
export interface BenchEdit {
  kind: string;
  file: string;
  text: string | null;
}

export interface EditStream {
  next(rng: Rng): BenchEdit;
}

/** How the files of an org are written and recognised again (parameters, generator version, a fingerprint of sampled output). */
export interface GeneratedSpec {
  generator: number;
  params: unknown;
  fingerprint(): string;
  write(write: (rel: string, text: string) => void): void;
}

export interface Workload {
  name: string;
  family: Family;
  seed: number;
  /** One line: the org's size, for the report. */
  summary: string;
  /** Registry entries (steps, artifact versions), for the growth ratios. */
  entries: number;
  seeded: Record<string, number>;
  /** Every kind the edit stream yields, in report order. */
  editKinds: readonly string[];
  /** The kinds that are not registry edits (the breakdown's "registry edits only" leaves them out). */
  secondaryKinds: readonly string[];
  generated: GeneratedSpec;
  /** Whether the analysis asks for files the walk did not know to read (ONEX entrypoints), as Feeder.feedRoot's second feeding. */
  readsReferencedFiles: boolean;
  /** A sample of files with the text the model renders: the generated tree on disk must match it. */
  staleProbe(): { file: string; text: string }[];
  /** The pooled edit stream (its own state; edits are replayed in order). */
  edits(): EditStream;
  /** What the central file is (the report's label), and `n` edits of it. */
  centralLabel: string;
  centralEdits(rng: Rng, n: number): BenchEdit[];
  /** What a component edit is (the report's label), and the edits (a change, then its undo). */
  componentLabel: string;
  componentEdits(rng: Rng): BenchEdit[];
}

interface Manifest {
  generator: number;
  params: unknown;
  fingerprint: string;
  files: number;
  bytes: number;
}
export interface GeneratedOrg {
  root: string;
  files: number;
  bytes: number;
  reused: boolean;
}

/** Writes the org under `root` unless an identical one (same parameters, generator and fingerprint) is already there. */
export function ensureWritten(root: string, spec: GeneratedSpec, name: string, log: (s: string) => void): GeneratedOrg {
  const manifestPath = join(root, 'manifest.json');
  const want = { generator: spec.generator, params: spec.params, fingerprint: spec.fingerprint() };
  if (existsSync(manifestPath)) {
    try {
      const have = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      if (
        have.generator === want.generator &&
        have.fingerprint === want.fingerprint &&
        JSON.stringify(have.params) === JSON.stringify(want.params)
      ) {
        return { root, files: have.files, bytes: have.bytes, reused: true };
      }
    } catch {
      /* regenerate */
    }
  }
  log(`generating ${name} org in ${root} ...`);
  rmSync(root, { recursive: true, force: true });
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  spec.write((rel, text) => {
    const abs = join(root, rel);
    const dir = dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  });
  const manifest: Manifest = { ...want, files, bytes };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { root, files, bytes, reused: false };
}
