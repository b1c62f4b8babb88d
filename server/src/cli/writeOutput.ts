// `check --output FILE`: CI keeps the document in a file (the Action's SARIF). A shell redirection
// creates the file before the check runs, so a failed run left an empty or partial file, and a missing
// folder failed as if the check had found problems; here the folder is created and the file appears
// whole (a temporary file beside it, renamed) only once there is a document to write.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage';

export function writeOutput(file: string, text: string): void {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const refused = (e: unknown): UsageError =>
    new UsageError(`--output ${file}: cannot write it (${e instanceof Error ? e.message : String(e)})`);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw refused(e);
  }
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw refused(e);
  }
}
