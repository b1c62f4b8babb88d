// Quick fixes as the MCP server proposes them: the engine's fix (host-neutral edits and files to
// create) with root-relative paths, a content-derived id, and its basis — the sha256 of each file it
// edits as the engine saw it — so that apply_fix can refuse a fix whose files changed since. Proposals
// are kept by id for the session (the most recent MAX_KEPT); an applied one is spent, and its id kept
// (as many) to say so when it comes again.
import { createHash } from 'node:crypto';
import type { Diagnostic, Fix } from '../engine/types';
import { fixDocument, fixEdits } from '../engine/documents/jsonDocuments';
import type { FixInput, FixProposal } from './schemas';

const MAX_KEPT = 1000;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The engine's fix with root-relative paths and its basis: the sha256 of each file it edits as the engine saw it
 * (`textOf`).
 */
export function withBasis(
  fix: Fix,
  textOf: (path: string) => string | undefined,
): FixInput & { createFiles: { path: string; text: string }[] } {
  const { edits, createFiles } = fixEdits(fix);
  const edited = [...new Set(edits.map((e) => e.path))];
  const basis = [
    ...edited.map((path) => {
      const text = textOf(path);
      return { path, sha256: text === undefined ? null : sha256(text) };
    }),
    ...createFiles.map((c) => ({ path: c.path, sha256: null })),
  ];
  return { edits, createFiles, basis };
}

export class FixProposals {
  private readonly kept = new Map<string, FixInput>();
  private readonly spent = new Set<string>();

  /** `textOf`: the text the engine analysed (undefined: no such file). */
  propose(diagnostic: Diagnostic, fix: Fix, textOf: (path: string) => string | undefined): FixProposal {
    const body = withBasis(fix, textOf);
    const id = sha256(JSON.stringify([fix.title, body])).slice(0, 16);
    this.kept.delete(id);
    this.spent.delete(id);
    this.kept.set(id, body);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    const { title, preferred, diagnostic: about } = fixDocument(diagnostic, fix);
    return { id, title, preferred, diagnostic: about, ...body };
  }

  get(id: string): FixInput | undefined {
    return this.kept.get(id);
  }
  /** Whether the fix of this id was applied in this session (and not proposed again since). */
  wasApplied(id: string): boolean {
    return this.spent.has(id);
  }
  /** The fix of this id was written: it is spent. */
  applied(id: string): void {
    this.kept.delete(id);
    this.spent.add(id);
    if (this.spent.size > MAX_KEPT) this.spent.delete(this.spent.values().next().value as string);
  }
}
