// The oracle "live server == fresh run" for the MCP server's re-scan, shared by its test and the soak's long
// sequences: random changes made on disk between calls (files changed, added, removed, renamed; settings changed;
// nothing), each followed by calls whose answers must be what `registry-lens check --format json` run afresh prints: a
// whole-root check, and a check of some paths, which keeps that run's diagnostics of those files and those related to
// them. The first calls come as the server starts, while its root loads, and so do the calls after a settings change
// (which opens the root afresh).
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { REPO, runJson } from '../cli/helpers';
import {
  EDITS,
  META_EDITS,
  ONEX_CONTRACT_EDITS,
  ONEX_EDITS,
  changeOnDisk,
  rng,
  type Edit,
} from '../engine/randomEdits';
import { sdkClient } from './client';

interface Doc {
  diagnostics: { file: string; related: { file: string }[] }[];
  summary: Record<string, number>;
}

/** The examples of the oracle, each with its seed and the edits made to it. */
export const RESCAN_EXAMPLES: readonly (readonly [number, string, readonly Edit[]])[] = [
  [11, 'demo-workspace', EDITS],
  [12, 'meta-workspace', [...EDITS, ...META_EDITS]],
  [13, 'onex-registry', ONEX_EDITS],
  [14, 'onex-contracts', ONEX_CONTRACT_EDITS],
];

/** A check's diagnostics and counts, without its timing. */
function comparable(doc: Doc): string {
  return JSON.stringify({ diagnostics: doc.diagnostics, summary: { ...doc.summary, ms: 0 } });
}

async function check(client: Client, paths?: string[]): Promise<Doc & { loading?: true }> {
  const r = await client.callTool({ name: 'check', arguments: { limit: 100_000, ...(paths ? { paths } : {}) } });
  assert.notEqual(r.isError, true, JSON.stringify(r.content));
  return r.structuredContent as unknown as Doc & { loading?: true };
}

/**
 * `got` is `expected`; while the root loads (`loading`), the diagnostics of `file` are, those of other files related
 * to it may be missing (docs/mcp.md), and the summary's counts are of what it returns.
 */
function sameCheck(got: Doc & { loading?: true }, expected: string, file: string, what: string): void {
  if (got.loading !== true) return assert.equal(comparable(got), expected, what);
  const want = JSON.parse(expected) as Doc;
  const own = (d: Doc): string => JSON.stringify(d.diagnostics.filter((x) => x.file === file));
  assert.equal(own(got), own(want), `${what}: the file's own diagnostics`);
  const known = new Set(want.diagnostics.map((d) => JSON.stringify(d)));
  assert.ok(
    got.diagnostics.every((d) => known.has(JSON.stringify(d))),
    `${what}: nothing a fresh run lacks`,
  );
  const { sources, entries, workspaces } = want.summary;
  const root = got.summary;
  assert.deepEqual([root['sources'], root['entries'], root['workspaces']], [sources, entries, workspaces], what);
}

/** What a fresh run prints. */
function freshRun(root: string): Doc {
  return runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json as unknown as Doc;
}

/** A fresh run's document kept to `paths` as the server keeps them (its own filter, docs/mcp.md). */
function kept(doc: Doc, paths: string[]): string {
  const under = (f: string): boolean => paths.some((p) => f === p || f.startsWith(`${p}/`));
  const diagnostics = doc.diagnostics.filter((d) => under(d.file) || d.related.some((r) => under(r.file)));
  const count = (s: string): number =>
    diagnostics.filter((d) => (d as unknown as { severity: string }).severity === s).length;
  const summary = {
    ...doc.summary,
    errors: count('error'),
    warnings: count('warning'),
    information: count('information'),
    hints: count('hint'),
  };
  return comparable({ diagnostics, summary });
}

/**
 * The oracle over a copy of the example: at the start and after each of `steps - 1` random changes on disk, one
 * fresh run, and the server's check of a file the run reports (at random) and of the whole root compared with it.
 */
export async function rescanOracle(
  seed: number,
  example: string,
  edits: readonly Edit[],
  steps: number,
): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-rescan-'));
  const root = join(temp, 'root');
  cpSync(join(REPO, 'examples', example), root, { recursive: true });
  const random = rng(seed);
  const client = await sdkClient(['mcp', '--root', root]);
  try {
    for (let step = 0; step < steps; step++) {
      const kind = step === 0 ? 'start' : changeOnDisk(root, random, edits);
      const truth = freshRun(root);
      const files = truth.diagnostics.map((d) => d.file);
      const file = files[Math.floor(random() * files.length)];
      // The check of some paths first: at the start it comes while the root loads.
      if (file !== undefined)
        sameCheck(await check(client, [file]), kept(truth, [file]), file, `step ${step} (${kind})`);
      assert.equal(comparable(await check(client)), comparable(truth), `step ${step} (${kind}): whole root`);
    }
  } finally {
    await client.close();
    rmSync(temp, { recursive: true, force: true });
  }
}
