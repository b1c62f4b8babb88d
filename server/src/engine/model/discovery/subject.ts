// The file a `<stem>_meta.yaml` describes (SPEC §1.5), its subject: `<stem>.py` beside it (or `.ts`/`.js` for
// a module), and an entry's identity across edits, as stage 3 binds them (the rule that binds is the
// member's: member.ts `stages`) and the model's features find them.
import type { StepEntry } from '../entries/source';
import { META_SUFFIX } from './metaFiles';

export const SUBJECT_EXTENSIONS = ['.py', '.ts', '.js'];

/** The files a meta file may describe, in the order they are looked for. */
export function subjectCandidates(metaFile: string): string[] {
  const stem = metaFile.slice(0, -META_SUFFIX.length);
  return SUBJECT_EXTENSIONS.map((ext) => stem + ext);
}

/** The file a meta file describes: the first of its candidates that exists. */
export function subjectFile(metaFile: string, exists: (path: string) => boolean): string | undefined {
  return subjectCandidates(metaFile).find(exists);
}

/** Stable identity of an entry across edits: layer, workspace directory and name. */
export function entryKey(e: StepEntry): string {
  return `${e.layer}|${e.wsDir ?? ''}|${e.name}`;
}
