// Entry point of the `registry-lens` command (dist/cli.js): the second front end on the engine, for
// terminals and CI. Parses argv, runs the command, prints, and sets the exit code (SPEC §7).
import { setFlagsFromString } from 'node:v8';
import { version } from '../../../package.json';
import { HEAP_GROWING_FLAG } from '../host/heapGrowth';
import { parseCommand } from './parseCommand';
import { runCommand } from './runCommand';
import { USAGE, UsageError } from './usage';

async function main(argv: string[]): Promise<number> {
  setFlagsFromString(HEAP_GROWING_FLAG);
  const warn = (message: string): void => { process.stderr.write(`registry-lens: ${message}\n`); };
  try {
    const cmd = parseCommand(argv);
    if (cmd.kind === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (cmd.kind === 'version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    const result = await runCommand(cmd, version, warn);
    process.stdout.write(result.output);
    return result.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      warn(e.message);
      process.stderr.write(e.showUsage ? `\n${USAGE}` : "Run 'registry-lens --help' for usage.\n");
    } else {
      warn(`internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
