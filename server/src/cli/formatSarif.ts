// `check --format sarif`: SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps). Rules come
// from the engine's catalogue; locations are root-relative URIs under the `%SRCROOT%` base id.
import { pathToFileURL } from 'node:url';
import { HOME_URL, codeDocsUrl } from '../engine/codes';
import { CODES } from '../engine/engine';
import type { Diagnostic, Range, Severity } from '../engine/types';


const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error', warning: 'warning', information: 'note', hint: 'note',
};

export function formatSarif(diagnostics: Diagnostic[], rootDir: string, version: string): string {
  const ruleIndex = new Map(CODES.map(({ code }, i) => [code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'registry-lens',
          version,
          informationUri: HOME_URL,
          rules: CODES.map(({ code, title, severity }) => ({
            id: code,
            shortDescription: { text: title },
            helpUri: codeDocsUrl(code),
            defaultConfiguration: { level: LEVEL[severity] },
          })),
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
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
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
