// `check --format sarif`: SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps). Rules come
// from the engine's catalogue, each with its help from docs/diagnostics.md (codeHelp.ts); locations are
// root-relative URIs under the `%SRCROOT%` base id. No `informationUri` or `helpUri`: the project has no
// public page yet, and a link that does not resolve is worse than the help the rule carries.
import { pathToFileURL } from 'node:url';
import type { CodeEntry } from '../engine/codes';
import { CODES } from '../engine/engine';
import type { Diagnostic, Range, Severity } from '../engine/types';
import { codeHelp } from './codeHelp';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function formatSarif(diagnostics: Diagnostic[], rootDir: string, version: string): string {
  const ruleIndex = new Map(CODES.map(({ code }, i) => [code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'registry-lens',
            version,
            rules: CODES.map(rule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(rootDir).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: physicalLocation(d.file, d.range) }],
          relatedLocations: d.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(r.file, r.range),
            message: { text: r.message },
          })),
          // A notebook's finding: its code cell and where in the cell (the location is in the .ipynb file's text).
          ...(d.cell ? { properties: { cell: d.cell.index, cellRange: copyCell(d.cell.range) } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A code's rule: what GitHub's code scanning shows of it (name, descriptions, help) and its default level. */
function rule({ code, title, severity }: CodeEntry): object {
  const help = codeHelp(code) ?? { fullDescription: title, text: title, markdown: title };
  return {
    id: code,
    name: ruleName(title),
    shortDescription: { text: title },
    fullDescription: { text: help.fullDescription },
    help: { text: help.text, markdown: help.markdown },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

/** A rule's name is an identifier (SARIF §3.49.7): its title's words in PascalCase (`DuplicateKey`). */
function ruleName(title: string): string {
  return title
    .split(/[^A-Z0-9]+/i)
    .filter((w) => w !== '')
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF regions are 1-based, and `endColumn` is the column just after the last character. */
function physicalLocation(file: string, range: Range): object {
  return {
    artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A range within a cell as plain data (0-based lines and UTF-16 characters, as the JSON output's ranges). */
function copyCell(r: Range): object {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}
