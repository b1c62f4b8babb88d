// The `check` tool: the root's diagnostics as the CLI's `check --format json` document (one builder),
// optionally only those under some paths, of some codes, at or above a severity; the text is a
// short summary with the first problems.
import { performance } from 'node:perf_hooks';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { Summary } from '../../engine/api';
import { CODES, type RegistryEngine } from '../../engine/engine';
import { checkFilterError, filterCheck } from '../../engine/documents/checkFilter';
import { PAGE_SIZES, pagedCheckDocument } from '../../engine/documents/pagedDocuments';
import { pageLine, type Page } from '../../engine/render/paging';
import type { Diagnostic } from '../../engine/types';
import { frameworkUse, withFrameworks, type FrameworkUse } from '../../host/frameworkReport';
import { OFF_UNLESS_ASKED, withOverrides } from '../../host/openRoot';
import { pageInput, pageOutput } from '../paging';
import { checkDocument as checkSchema, modeInput, severity } from '../schemas';
import { answer, pathInRoot, type ToolAnswer, type ToolContext } from '../toolContext';

/** Problems the text names before it refers to the structured content for the rest. */
const FIRST = 10;

const PAGE = PAGE_SIZES.check;

const DESCRIPTION =
  'Checks the step registries under the root (cursus STEP_NAMES and developer workspaces, apcore modules, ONEX ' +
  'artifacts, companion metadata) without running any code, and returns their diagnostics: name collisions, ' +
  'broken overrides and dependencies, missing builder/config classes, dependency cycles, syntax errors, etc.\n' +
  "Use it after editing a registry or a step's files, or before adding a step, to see what is wrong and where.\n" +
  "'mode' resolves names isolated or hybrid (default: the root's setting); 'reportUnusedSuppressions' adds " +
  'suppression comments that suppress nothing (RL033).\n' +
  "Filters: 'paths' keeps diagnostics in those files or folders (root-relative) and those elsewhere related to " +
  "them (a conflict they cause; with 'causedBy', every diagnostic they may cause anywhere, as 'registry-lens " +
  "check --files'), 'codes' keeps those codes (RL001…), 'severity' keeps that severity and worse. An empty list " +
  'or an unknown code is an error naming the valid ones.\n' +
  "Returns the JSON document of 'registry-lens check --format json', one page of diagnostics at a time ('limit', " +
  `default ${PAGE}; 'cursor' from 'page.nextCursor' for the next): summary (counts of the diagnostics the ` +
  'filters keep, over all pages, plus the sources, entries and workspaces of the whole root; ms = time of this ' +
  "call) and diagnostics (file, 0-based range, severity, code, message, related locations). Use 'fixes' for the " +
  "quick fixes of a diagnostic and 'explain' to see how a step resolves.";

export function registerCheck(server: McpServer, { root, frameworks }: ToolContext): void {
  server.registerTool(
    'check',
    {
      title: 'Check registries',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        paths: z
          .array(z.string().max(4096))
          .max(1000)
          .optional()
          .describe(
            'root-relative files or folders; only their diagnostics (and those elsewhere related to them) are returned',
          ),
        codes: z
          .array(z.string().regex(/^RL\d{3}$/))
          .max(100)
          .optional()
          .describe('only these codes, e.g. ["RL004", "RL023"]'),
        severity: severity
          .optional()
          .describe(
            "keep diagnostics at least this severe: 'error' keeps errors, 'warning' errors and warnings, " +
              "and so on down to 'hint' (all)",
          ),
        mode: modeInput.optional(),
        causedBy: z
          .boolean()
          .optional()
          .describe(
            "with 'paths': every diagnostic the files may cause anywhere, as 'registry-lens check --files' " +
              '(the pre-commit hook) reports: also those of every check that read them (a renamed builder class ' +
              "breaking the core registry); off: the files' own and those related to them",
          ),
        reportUnusedSuppressions: z
          .boolean()
          .optional()
          .describe(
            'also report suppression comments that suppress nothing (RL033), ' +
              "as the CLI's --report-unused-suppressions; off by default",
          ),
        ...pageInput(PAGE, 'diagnostics'),
      }),
      outputSchema: checkSchema.extend({
        page: pageOutput,
        loading: z
          .literal(true)
          .optional()
          .describe(
            "present when the answer came while the rest of the root was still analysed (a 'paths' check right " +
              'after the server started or the root changed): the diagnostics of the paths are final, those of ' +
              'other files related to them may be missing until it is done',
          ),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ paths, codes, severity: minimum, mode, causedBy, reportUnusedSuppressions, limit, cursor }) => {
      const start = performance.now();
      const under = paths?.map((p) => pathInRoot(root.dir, p));
      const caused = causedBy === true && under !== undefined;
      const filter = {
        ...(under && !caused ? { paths: under } : {}),
        ...(codes ? { codes } : {}),
        ...(minimum ? { severity: minimum } : {}),
      };
      const invalid = checkFilterError(
        { ...filter, ...(under ? { paths: under } : {}) },
        CODES.map((c) => c.code),
      );
      if (invalid !== null) throw new Error(invalid);
      if (causedBy === true && under === undefined)
        throw new Error("'causedBy' needs 'paths': the files whose effects to report");
      const narrowed = (e: RegistryEngine): ReturnType<typeof filterCheck> =>
        filterCheck(caused && under ? e.diagnosticsCausedBy(under) : e.allDiagnostics(), e.summary(), filter);
      const reply = (
        { diagnostics: kept, summary }: ReturnType<typeof filterCheck>,
        used: FrameworkUse,
        rest = false,
      ): ToolAnswer => {
        const ms = Math.round(performance.now() - start);
        const { document, page } = pagedCheckDocument(kept, summary, ms, { limit, cursor });
        const doc = { ...withFrameworks(document, frameworks(used)), ...(rest ? { loading: true } : {}) };
        return answer(text(root.dir, kept, summary, page, rest), doc);
      };
      const asked = mode !== undefined || reportUnusedSuppressions === true;
      // The whole root's diagnostics, filtered: what the result cache keeps (`mcp --cache`).
      const cached = asked || caused ? null : await root.cachedResult();
      if (cached !== null)
        return reply(filterCheck(cached.diagnostics, cached.summary, filter), {
          pins: cached.frameworkPins,
          inUse: cached.frameworksInUse,
        });
      // While the root loads, the files' own diagnostics are final before the rest of it is analysed.
      if (under !== undefined && !caused && !asked)
        return root.runFirst(under, (engine, rest) => reply(narrowed(engine), frameworkUse(engine), rest), start);
      return root.run((engine, opened) => {
        const overrides = { mode, off: reportUnusedSuppressions === true ? [] : OFF_UNLESS_ASKED };
        return reply(asked ? withOverrides(opened, overrides, narrowed) : narrowed(engine), frameworkUse(engine));
      });
    },
  );
}

function text(dir: string, kept: readonly Diagnostic[], s: Summary, page: Page, rest: boolean): string {
  if (s.sources === 0)
    return (
      `No registry found under ${dir}: nothing to check ` +
      '(no STEP_NAMES registry, workspace registry, apcore module or ONEX registry).'
    );
  const files = new Set(kept.map((d) => d.file)).size;
  const head =
    `${s.errors} error(s), ${s.warnings} warning(s), ${s.information} information, ` +
    `${s.hints} hint(s) in ${files} file(s); ` +
    `the root has ${s.sources} registry source(s), ${s.entries} entries, ${s.workspaces} workspace(s).`;
  const shown = kept.slice(page.offset, page.offset + Math.min(page.returned, FIRST));
  const lines = shown.map(
    (d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
  );
  const more =
    page.returned > shown.length
      ? [`… and ${page.returned - shown.length} more in structuredContent.diagnostics.`]
      : [];
  const loading = rest
    ? [
        'The rest of the root is still being analysed: the diagnostics of these paths are final, but those of ' +
          'other files related to them may be missing; call again once it is done for them.',
      ]
    : [];
  return [head, ...lines, ...more, pageLine(page, 'diagnostics'), ...loading].filter((l) => l !== '').join('\n');
}
