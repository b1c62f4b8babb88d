// Every regular expression the server's sources build (server/src/{engine,host,lsp,cli,mcp}), found with the
// TypeScript compiler's parser: each regex literal, and each `new RegExp(…)` / `RegExp(…)` with its pattern and flags
// worked out from literals, templates (`String.raw` too), `+` and the file's own constants. One whose pattern depends
// on anything else (a parameter, an import) is `dynamic`: test/arch/redos.test.ts lists those by hand.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const REPO = path.join(__dirname, '..', '..');
const DIRS = ['engine', 'host', 'lsp', 'cli', 'mcp'].map((d) => `server/src/${d}`);

/** A pattern of the sources: `file:line` (root-relative), its source and flags, or the dynamic call's text. */
type FoundRegex =
  { at: string; kind: 'static'; source: string; flags: string } | { at: string; kind: 'dynamic'; text: string };

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(`${dir}/${e.name}`)
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [`${dir}/${e.name}`]
        : [],
  );
}

/** The `const NAME = …` initialisers of a file, by name (the last one wins; names are unique in practice). */
function constants(file: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  const visit = (n: ts.Node): void => {
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      ts.isVariableDeclarationList(n.parent) &&
      n.parent.flags & ts.NodeFlags.Const
    )
      out.set(n.name.text, n.initializer);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return out;
}

/** The string an expression always evaluates to, from what the file itself says; undefined when it cannot tell. */
function evaluate(e: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const again = (x: ts.Expression): string | undefined => evaluate(x, consts, depth + 1);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return again(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [l, r] = [again(e.left), again(e.right)];
    return l === undefined || r === undefined ? undefined : l + r;
  }
  if (ts.isTemplateExpression(e)) return template(e, false, again);
  if (ts.isTaggedTemplateExpression(e) && e.tag.getText() === 'String.raw') {
    return ts.isNoSubstitutionTemplateLiteral(e.template)
      ? (e.template.rawText ?? undefined)
      : template(e.template, true, again);
  }
  if (ts.isIdentifier(e)) {
    const init = consts.get(e.text);
    return init === undefined ? undefined : again(init);
  }
  // `RE.source` of a regex literal the file names
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'source' && ts.isIdentifier(e.expression)) {
    const init = consts.get(e.expression.text);
    if (init && ts.isRegularExpressionLiteral(init)) return literalParts(init.text).source;
  }
  return undefined;
}

function template(
  t: ts.TemplateExpression,
  raw: boolean,
  again: (x: ts.Expression) => string | undefined,
): string | undefined {
  let out = raw ? t.head.rawText : t.head.text;
  for (const span of t.templateSpans) {
    const v = again(span.expression);
    if (v === undefined) return undefined;
    out += v + (raw ? span.literal.rawText : span.literal.text);
  }
  return out;
}

function literalParts(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

/** Whether a call or `new` calls the global RegExp. */
function isRegExpCall(n: ts.Node): n is ts.NewExpression | ts.CallExpression {
  if (!ts.isNewExpression(n) && !ts.isCallExpression(n)) return false;
  const callee = n.expression;
  return (
    (ts.isIdentifier(callee) && callee.text === 'RegExp') ||
    (ts.isPropertyAccessExpression(callee) &&
      callee.name.text === 'RegExp' &&
      callee.expression.getText() === 'globalThis')
  );
}

/** Every regular expression of the sources, in file and line order. */
export function foundRegexes(): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const rel of DIRS.flatMap(tsFiles).sort()) {
    const file = ts.createSourceFile(rel, readFileSync(path.join(REPO, rel), 'utf8'), ts.ScriptTarget.Latest, true);
    const consts = constants(file);
    const at = (n: ts.Node): string => `${rel}:${file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(n)) out.push({ at: at(n), kind: 'static', ...literalParts(n.text) });
      else if (isRegExpCall(n)) {
        const [pattern, flagArg] = n.arguments ?? [];
        const source = pattern && evaluate(pattern, consts);
        const flags = flagArg === undefined ? '' : evaluate(flagArg, consts);
        if (source === undefined || flags === undefined)
          out.push({ at: at(n), kind: 'dynamic', text: n.getText(file) });
        else out.push({ at: at(n), kind: 'static', source, flags });
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return out;
}
