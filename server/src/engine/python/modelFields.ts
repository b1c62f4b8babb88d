// The fields a pydantic model class declares in its own body, read statically: each annotated class-body
// name (`bucket: str = Field(...)`) with its annotation's text and whether pydantic requires it (no value,
// or a `Field(...)` call with neither a default, a `default=` nor a `default_factory=`). Private names
// (`_cache`) and `ClassVar` annotations are no fields, as pydantic sees them. One parse of one file, on request.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import { normalizeLoneCr } from '../text/lineIndex';
import { withPythonTree } from './parser';
import { lastTopLevelClass } from './classAttrs';
import { crOf, range } from './facts';

export interface ModelField {
  name: string;
  /** The annotation as written (`Optional[List[str]]`). */
  annotation: string;
  required: boolean;
  nameRange: Range;
  /** The field's `description=` string, when it is a plain literal. */
  description: string | null;
}

export interface ModelClass {
  name: string;
  bases: string[];
  fields: ModelField[];
}

/** The last top-level class `className` of a module and its own fields; null without one or when the parse was cut. */
export function modelFields(rawText: string, className: string): ModelClass | null {
  const text = normalizeLoneCr(rawText);
  if (text.includes('\0')) return null;
  const cr = crOf(text);
  return withPythonTree<ModelClass | null>(
    text,
    (tree) => {
      const def = lastTopLevelClass(tree.rootNode, className);
      const body = def?.childForFieldName('body');
      if (!def || !body) return null;
      const bases: string[] = [];
      for (const b of def.childForFieldName('superclasses')?.namedChildren ?? []) {
        if (b?.type === 'identifier' || b?.type === 'attribute') bases.push(b.text.split('.').pop() ?? b.text);
      }
      const fields: ModelField[] = [];
      for (const s of body.namedChildren) {
        const a = s?.type === 'expression_statement' ? s.firstNamedChild : null;
        const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
        const type = a?.childForFieldName('type');
        if (!a || left?.type !== 'identifier' || !type || left.text.startsWith('_')) continue;
        if (/^(?:typing\.)?ClassVar\b/.test(type.text)) continue;
        const value = a.childForFieldName('right');
        fields.push({
          name: left.text,
          annotation: type.text,
          required: value === null || requiredField(value),
          nameRange: range(left, cr),
          description: value ? keywordString(value, 'description') : null,
        });
      }
      return { name: className, bases, fields };
    },
    () => null,
  );
}

/** `Field(...)`, `Field(description=…)`: a call of `Field` with no default of any kind. */
function requiredField(value: Node): boolean {
  if (value.type !== 'call' || value.childForFieldName('function')?.text !== 'Field') return false;
  const args = value.childForFieldName('arguments')?.namedChildren ?? [];
  const first = args[0];
  if (first && first.type !== 'keyword_argument') return first.type === 'ellipsis';
  return !args.some((k) => {
    const name = k?.type === 'keyword_argument' ? k.childForFieldName('name')?.text : null;
    return name === 'default' || name === 'default_factory';
  });
}

function keywordString(value: Node, keyword: string): string | null {
  if (value.type !== 'call') return null;
  for (const k of value.childForFieldName('arguments')?.namedChildren ?? []) {
    if (k?.type !== 'keyword_argument' || k.childForFieldName('name')?.text !== keyword) continue;
    const v = k.childForFieldName('value');
    const content = v?.type === 'string' ? v.namedChildren.filter((c) => c?.type === 'string_content') : [];
    return content.length === 1 ? (content[0]?.text ?? null) : null;
  }
  return null;
}
