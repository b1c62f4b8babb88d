// The zod schemas of the MCP tools' inputs and outputs. Outputs describe the documents the CLI's
// `--format json` prints (engine/documents/jsonDocuments.ts), field by field, so a client can validate
// structured content and a model can read what each field means. Documents are open at their top
// level (a field added to a CLI document stays valid); everything inside them is exact.
import * as z from 'zod';
import { LIST_COLUMNS } from '../engine/engine';
import type { ListColumn } from '../engine/api';

export const position = z.object({
  line: z.number().int().min(0).describe('0-based line'),
  character: z.number().int().min(0).describe('0-based UTF-16 offset in the line'),
});

export const range = z
  .object({ start: position, end: position })
  .describe('0-based range, end exclusive (LSP conventions)');

/** A range given as input: bounded, so nothing a caller sends costs more than a lookup. */
export const rangeInput = z
  .object({
    start: z.object({
      line: z.number().int().min(0).max(10_000_000),
      character: z.number().int().min(0).max(10_000_000),
    }),
    end: z.object({
      line: z.number().int().min(0).max(10_000_000),
      character: z.number().int().min(0).max(10_000_000),
    }),
  })
  .describe('0-based range: {start: {line, character}, end: {line, character}}');

export const severity = z.enum(['error', 'warning', 'information', 'hint']);
export const mode = z.enum(['isolated', 'hybrid']);
const file = z.string().describe('file path relative to the root, with forward slashes');

export const workspaceInput = z
  .string()
  .min(1)
  .max(500)
  .describe(
    "a developer workspace id (the context to resolve in); omit for core. The 'list' tool's text names the known ones",
  );
export const modeInput = mode.describe(
  "resolution mode; default: the root's registryLens.resolution.mode setting, else isolated",
);

const sourced = z.object({
  source: z
    .string()
    .describe(
      "where this definition comes from: 'core', 'workspace:<id>' (a local step), 'override:<id>', " +
        "'module' (apcore) or a family's list (ONEX)",
    ),
  file,
  range,
});

export const checkDocument = z.looseObject({
  version: z.literal(1),
  summary: z
    .object({
      sources: z.number().int().describe('registry files read'),
      entries: z.number().int().describe('registry entries (steps, modules, artifacts) found'),
      workspaces: z.number().int().describe('developer workspaces found'),
      errors: z.number().int(),
      warnings: z.number().int(),
      information: z.number().int(),
      hints: z.number().int(),
      ms: z.number().describe('time this answer took, in milliseconds'),
      frameworks: z
        .array(
          z.object({
            name: z.string().describe("the framework's distribution name"),
            version: z.string(),
            source: z
              .enum(['environment', 'lock', 'built-in'])
              .describe(
                "installed in the project's Python environment, else pinned by the root's lock or pin file, " +
                  'else the version whose rules are compiled in',
              ),
            path: z
              .string()
              .optional()
              .describe("the installed package's folder (root-relative inside the root), or the pin file"),
            assumed: z
              .string()
              .optional()
              .describe('pinned but not installed: the version whose built-in rules the checks use, when another'),
          }),
        )
        .describe('the framework versions the check assumes, and where each came from'),
    })
    .describe('counts of the diagnostics returned (after the filters), and of what the whole root holds'),
  diagnostics: z
    .array(
      z.object({
        file,
        range,
        severity,
        code: z.string().describe('RLnnn; docs/diagnostics.md documents each code'),
        message: z.string(),
        related: z.array(z.object({ file, range, message: z.string() })).describe('other places the problem involves'),
        cell: z
          .object({ index: z.number().int().describe('0-based, among all cells'), range })
          .optional()
          .describe(
            "in a notebook (.ipynb): the code cell, and the range within its source (`range` is in the file's text)",
          ),
      }),
    )
    .describe('sorted by file, line, character, code'),
});

const component = z
  .object({
    class: z
      .string()
      .nullable()
      .describe('the class name (null: a file that is no class, e.g. a script or an interface file)'),
    file,
    range,
    synthesized: z
      .object({
        base: z.string().describe('the base class cursus subclasses'),
        by: z
          .string()
          .nullable()
          .describe('the module of the tree that builds it (its builder discovery); null when the tree lacks it'),
      })
      .optional()
      .describe('a builder no file defines: cursus makes it at run time from the interface at file/range'),
  })
  .nullable();

export const explainDocument = z.looseObject({
  step: z.string().describe('the name explained'),
  context: z.string().describe("'core' or a workspace id"),
  mode,
  found: z.boolean(),
  winner: sourced
    .extend({
      fields: z.record(z.string(), z.unknown()).describe("the winning entry's fields (companion metadata merged in)"),
    })
    .nullable()
    .describe('the definition that resolution picks in this context'),
  trace: z
    .array(z.object({ layer: z.string(), hit: z.boolean(), file: z.string().nullable() }))
    .describe('the layers consulted, in order, and whether each defines the name'),
  shadowed: z.array(sourced).describe('definitions the winner hides'),
  conflicts: z.array(sourced).describe('definitions that compete with the winner (a conflict to resolve)'),
  strategy: z
    .object({ name: z.string(), reason: z.string() })
    .nullable()
    .describe('the conflict-resolution strategy applied, if any'),
  legacy: z.record(z.string(), z.unknown()).nullable().describe("cursus's to_legacy_format of the winner"),
  derived: z
    .array(z.object({ registry: z.string(), key: z.string(), value: z.string() }))
    .describe('rows of the derived registries (CONFIG_STEP_REGISTRY, …) that mention the step'),
  components: z
    .object({ builder: component, config: component, spec: component, contract: component, script: component })
    .describe('the component files found for the step (null: not found)'),
  dependencies: z
    .array(z.object({ name: z.string(), resolved: sourced.nullable(), optional: z.boolean() }))
    .describe('what the step depends on, each resolved'),
  dependents: z
    .array(sourced.extend({ name: z.string(), context: z.string() }))
    .describe('entries that depend on the step'),
  suggestions: z.array(z.string()).describe('close names, when the name is not found'),
  sections: z
    .array(
      z.object({
        title: z.string(),
        rows: z.array(
          z.object({ label: z.string(), text: z.string(), file: file.optional(), range: range.optional() }),
        ),
      }),
    )
    .optional()
    .describe("what only the entry's family knows (interface steps, ONEX versions)"),
});

/** A column a family adds to `list`: its value, or null where the entry has none. */
function listColumn(c: ListColumn): z.ZodNullable<z.ZodString> {
  const value = z.string().nullable();
  return c.description === undefined ? value : value.describe(c.description);
}

export const listDocument = z.looseObject({
  version: z.literal(1),
  context: z.string(),
  mode,
  steps: z
    .array(
      z.object({
        name: z.string(),
        source: z.string().describe("'core', 'workspace:<id>', 'override:<id>', 'module', or a family's list"),
        file,
        range,
        ...Object.fromEntries(LIST_COLUMNS.map((c) => [c.key, listColumn(c)])),
        conflicts: z.array(z.string()).describe('other sources that define the same name'),
        detail: z.string().optional().describe("a family's one-line summary (ONEX: versions)"),
      }),
    )
    .describe('every entry visible in the context: steps, apcore modules, ONEX artifacts'),
});

export const graphDocument = z.looseObject({
  version: z.literal(1),
  context: z.string(),
  mode,
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['step', 'module', 'workspace']),
      source: z
        .string()
        .describe("'core', 'workspace:<id>', 'override:<id>', 'module', 'unresolved' or the workspace's own node"),
      file: z.string().nullable(),
      range: range.nullable(),
      meta: z.string().nullable().describe("the companion metadata file whose dependencies are the node's edges"),
      cycle: z.boolean().describe('member of a dependency cycle'),
    }),
  ),
  edges: z
    .array(
      z.object({
        from: z.string(),
        to: z.string(),
        optional: z.boolean(),
        file,
        range,
        cycle: z.boolean(),
        kind: z
          .literal('flow')
          .optional()
          .describe("'flow': data flows from producer to consumer (no dependency); absent: 'from' depends on 'to'"),
        label: z.string().nullable().optional(),
      }),
    )
    .describe('declared where file/range point'),
  order: z.array(z.string()).describe('registration order (dependencies first)'),
  blocked: z.array(z.string()).describe('nodes that cannot be ordered: in a cycle or depending on one'),
  cycles: z
    .array(z.array(z.string()))
    .describe('one concrete cycle per strongly connected component: [a, b] is a -> b -> a'),
  note: z.string().optional().describe('why the graph has no edges (present only when it has none)'),
});

export const locateDocument = z.object({
  name: z.string(),
  definitions: z.array(sourced).describe('every definition of the name, in every registry and workspace'),
  references: z
    .array(z.object({ file, range }))
    .describe('every place that refers to the name (dependencies, overrides, module ids, …)'),
});

const textEdit = z.object({ path: file, range, newText: z.string() });

export const fixProposal = z.object({
  id: z.string().describe('pass to apply_fix to write this fix'),
  title: z.string(),
  preferred: z.boolean().describe('the fix an editor would offer first'),
  diagnostic: z
    .object({ code: z.string(), severity, message: z.string(), range })
    .describe('the diagnostic (in the file asked about) this fix addresses'),
  edits: z.array(textEdit).describe('text edits to existing files; ranges refer to the file as it was when proposed'),
  createFiles: z.array(z.object({ path: file, text: z.string() })).describe('new files with their whole content'),
  basis: z
    .array(z.object({ path: file, sha256: z.string().nullable() }))
    .describe(
      "the files the fix was computed from: sha256 of each edited file's text (UTF-8, without a byte order mark); " +
        'null: the file must not exist',
    ),
});

export const fixesDocument = z.object({
  file,
  fixes: z.array(fixProposal),
});

export const fixInput = z
  .object({
    edits: z.array(z.object({ path: z.string().max(4096), range: rangeInput, newText: z.string() })).max(10_000),
    createFiles: z
      .array(z.object({ path: z.string().max(4096), text: z.string() }))
      .max(1000)
      .optional(),
    basis: z.array(z.object({ path: z.string().max(4096), sha256: z.string().nullable() })).max(11_000),
  })
  .describe('a fix as the fixes tool returned it (its edits, createFiles and basis)');

export const applyDocument = z.object({
  applied: z.literal(true),
  files: z.array(z.object({ path: file, action: z.enum(['edited', 'created']) })),
});

export type FixProposal = z.infer<typeof fixProposal>;
export type FixInput = z.infer<typeof fixInput>;
