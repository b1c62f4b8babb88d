// Entry point of the `registry-lens` command (dist/cli.js): the second front end on the engine, for
// terminals and CI. Parses argv, runs the command, prints, and sets the exit code (SPEC §7).
import { setFlagsFromString } from 'node:v8';
import { version } from '../../../package.json';
import { HEAP_GROWING_FLAG } from '../host/heapGrowth';
import { parseCommand } from './parseCommand';
import { runCommand } from './runCommand';
import { USAGE, UsageError } from './usage';
import { writeOutput } from './writeOutput';

async function main(argv: string[]): Promise<number> {
  setFlagsFromString(HEAP_GROWING_FLAG);
  const warn = (message: string): void => {
    process.stderr.write(`registry-lens: ${message}\n`);
  };
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
    // The MCP server owns stdout as its transport; any other command may be piped into `head`.
    if (cmd.kind !== 'mcp') endQuietlyOnClosedPipe();
    const result = await runCommand(cmd, version, warn);
    if (cmd.kind === 'check' && cmd.output !== undefined) {
      writeOutput(cmd.output, result.output);
      process.stdout.write(result.report ?? '');
    } else process.stdout.write(result.output);
    return result.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      warn(e.message);
      process.stderr.write(e.showUsage ? `\n${USAGE}` : "Run 'registry-lens --help' for usage.\n");
    } else {
      warn(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    return 2;
  }
}

/**
 * A reader that stops early (`registry-lens graph | head -c 10`) closes the pipe: the write fails with
 * EPIPE, which Node raises as an unhandled error with a stack. Unix tools end quietly there; so does this,
 * with the command's own exit code (what the reader did not read changes nothing about the result).
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      stream.destroy();
    });
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
