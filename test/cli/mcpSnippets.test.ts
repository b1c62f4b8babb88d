// The docs' snippets that start the MCP server are ones a user can paste: every `claude mcp add … -- CMD`
// line of a ```sh block and every server of a ```json block (`servers` of .vscode/mcp.json, `mcpServers`
// of Cursor's mcp.json) runs `node …/dist/cli.js` or `registry-lens` with arguments the CLI's own parser
// takes as `mcp`; and a snippet lets the agent write (`--allow-writes`) exactly when the heading it sits
// under says so (mentions writing), so a read-only snippet never quietly gains the writing tools. Inline
// `registry-lens mcp …` commands in the prose parse too.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../server/src/cli/parseCommand';
import { REPO } from './helpers';

interface Snippet {
  where: string;
  /** The arguments after the program (`mcp …`). */
  args: string[];
  /** The client format the snippet is for. */
  client: 'claude' | 'vscode' | 'cursor';
  /** Whether the heading above it says the snippet lets the agent write. */
  saysWrites: boolean;
}

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** A heading that speaks of writing ("Letting an agent write fixes"). */
const WRITES = /\bwrit(e|es|ing)\b/i;
/** The arguments with the docs' placeholders of a folder (`${workspaceFolder}`, `<folder>`) made a real one. */
function real(args: readonly string[]): string[] {
  const folder = join(REPO, 'examples', 'demo-workspace');
  return args.map((a) => a.replace('${workspaceFolder}', folder).replace(/^<[^>]*>$/, folder));
}

/** The arguments after the program of a command line starting the server; null when it starts something else. */
function programArgs(command: string, args: readonly string[]): string[] | null {
  if (command === 'registry-lens') return [...args];
  if (command === 'node' && /\/dist\/cli\.js$/.test(args[0] ?? '')) return args.slice(1);
  return null;
}

/** The fenced ```sh and ```json blocks of a markdown file, with the heading each sits under. */
function fences(text: string): { line: number; lang: string; body: string; heading: string }[] {
  const lines = text.split('\n');
  const out: { line: number; lang: string; body: string; heading: string }[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^#{1,6} /.test(l)) heading = l;
    const open = /^```(\w*)\s*$/.exec(l);
    if (!open) continue;
    const end = lines.findIndex((x, j) => j > i && x.startsWith('```'));
    out.push({ line: i + 1, lang: open[1] ?? '', body: lines.slice(i + 1, end).join('\n'), heading });
    i = end;
  }
  return out;
}

function snippetsOf(file: string, text: string): Snippet[] {
  const out: Snippet[] = [];
  for (const f of fences(text)) {
    const saysWrites = WRITES.test(f.heading);
    const where = `${file}:${f.line}`;
    if (f.lang === 'sh') {
      f.body.split('\n').forEach((raw, k) => {
        const line = raw.replace(/\s+#.*$/, '').trim();
        if (!/^claude mcp add\b/.test(line)) return;
        assert.doesNotMatch(line, /["']/, `${where}+${k + 1}: a snippet the test splits on spaces has no quotes`);
        // `claude mcp add NAME [options] -- COMMAND ARGS…`
        const after = line.split(/\s+--\s+/)[1];
        const [command, ...rest] = (after ?? '').split(/\s+/);
        const args = after === undefined || command === undefined ? null : programArgs(command, rest);
        assert.ok(args, `${where}+${k + 1}: 'claude mcp add NAME -- CMD' runs node …/dist/cli.js or registry-lens`);
        out.push({ where: `${where}+${k + 1}`, args, client: 'claude', saysWrites });
      });
    }
    if (f.lang === 'json' && /"(servers|mcpServers)"/.test(f.body)) {
      const doc = JSON.parse(f.body) as Record<string, Record<string, { command?: string; args?: string[] }>>;
      for (const [key, client] of [
        ['servers', 'vscode'],
        ['mcpServers', 'cursor'],
      ] as const)
        for (const [name, server] of Object.entries(doc[key] ?? {})) {
          const args = programArgs(server.command ?? '', server.args ?? []);
          assert.ok(args, `${where}: server '${name}' runs node …/dist/cli.js or registry-lens`);
          out.push({ where: `${where} (${name})`, args, client, saysWrites });
        }
    }
  }
  return out;
}

/** The inline `registry-lens mcp …` commands of the prose (a span may wrap), placeholders made real. */
function inlineCommands(file: string, text: string): { where: string; args: string[] }[] {
  const prose = text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, (block) => block.replace(/[^\n]/g, ' '));
  return [...prose.matchAll(/`((?:registry-lens|[\w/.-]*dist\/cli\.js) mcp\b[^`]*)`/g)].map((m) => ({
    where: `${file}:${prose.slice(0, m.index).split('\n').length}`,
    args: (m[1] ?? '')
      .replace(/\[[^\]]*\]/g, ' ')
      .split(/\s+/)
      .filter((t) => t !== '')
      .slice(1),
  }));
}

const TEXTS = DOCS.map((file) => ({ file, text: readFileSync(join(REPO, file), 'utf8') }));
const SNIPPETS = TEXTS.flatMap(({ file, text }) => snippetsOf(file, text));
const INLINE = TEXTS.flatMap(({ file, text }) => inlineCommands(file, text));

describe("cli: the docs' MCP client snippets start the server they say", () => {
  it('each client has a read-only snippet, and one lets an agent write', () => {
    for (const client of ['claude', 'vscode', 'cursor'] as const)
      assert.ok(
        SNIPPETS.some((s) => s.client === client && !s.saysWrites),
        `no read-only ${client} snippet among ${SNIPPETS.map((s) => s.where).join(', ')}`,
      );
    assert.ok(SNIPPETS.some((s) => s.client === 'claude' && s.saysWrites));
    assert.ok(SNIPPETS.some((s) => s.client !== 'claude' && s.saysWrites));
  });

  for (const s of SNIPPETS)
    it(`${s.where}: ${s.args.join(' ')} parses as mcp, ${s.saysWrites ? 'with' : 'without'} writes`, () => {
      const command = parseCommand(real(s.args));
      assert.equal(command.kind, 'mcp');
      assert.equal(
        command.kind === 'mcp' && command.allowWrites,
        s.saysWrites,
        s.saysWrites
          ? 'a snippet under a heading about writing must pass --allow-writes'
          : 'a snippet that lets the agent write (--allow-writes) belongs under a heading that says so',
      );
    });

  it('the inline commands of the prose parse as mcp', () => {
    assert.ok(INLINE.length >= 3, `${INLINE.length} inline commands`);
    for (const c of INLINE) assert.equal(parseCommand(real(c.args)).kind, 'mcp', `${c.where}: ${c.args.join(' ')}`);
  });
});
