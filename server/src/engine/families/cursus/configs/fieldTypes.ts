// Whether a JSON value can be what a field's annotation says, as pydantic's lax mode judges it
// (`TypeAwareConfigSerializer._deserialize_model` validates with `model_validate(..., strict=False)`,
// core/config_fields/type_aware_config_serializer.py:373): only the unambiguous cases of `str`, `int`,
// `float`, `bool`, lists and dicts, each maybe `Optional`. A numeric string is an int to lax pydantic,
// `"yes"` a bool, an int a float: none of those is reported. Any other annotation (unions, literals,
// models, enums, paths) is not judged.
import type { Lit } from '../../../literal';

type Expected = 'str' | 'int' | 'float' | 'bool' | 'list' | 'dict';

const SCALARS: Record<string, Expected> = { str: 'str', int: 'int', float: 'float', bool: 'bool' };
const CONTAINERS: Record<string, Expected> = {
  list: 'list',
  List: 'list',
  'typing.List': 'list',
  dict: 'dict',
  Dict: 'dict',
  'typing.Dict': 'dict',
};
const OPTIONAL = /^(?:typing\.)?Optional\[(.*)\]$/s;
const GENERIC = /^([\w.]+)(?:\[.*\])?$/s;
const INT_TEXT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$|^\s*[+-]?(?:inf|infinity|nan)\s*$/i;
const BOOL_TEXT = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);

export interface FieldType {
  expected: Expected;
  optional: boolean;
}

/** The kind an annotation asks for; null when it is not one this judges. */
export function fieldType(annotation: string): FieldType | null {
  let text = annotation.replace(/\s+/g, '');
  let optional = false;
  const opt = OPTIONAL.exec(text);
  if (opt) {
    text = opt[1] ?? '';
    optional = true;
  }
  if (text.endsWith('|None') || text.startsWith('None|')) {
    text = text.replace(/^None\||\|None$/, '');
    optional = true;
  }
  const scalar = SCALARS[text];
  if (scalar) return { expected: scalar, optional };
  const head = GENERIC.exec(text)?.[1];
  const container = head === undefined ? undefined : CONTAINERS[head];
  return container ? { expected: container, optional } : null;
}

/** What a JSON value is after the serializer's deserialize (`__type_info__` unwrapped); null: a model or unknown. */
function valueKind(v: Lit): 'str' | 'int' | 'float' | 'bool' | 'none' | 'list' | 'dict' | null {
  switch (v.kind) {
    case 'str':
      return 'str';
    case 'num':
      return v.int ? 'int' : 'float';
    case 'bool':
      return 'bool';
    case 'none':
      return 'none';
    case 'list':
      return 'list';
    case 'dict': {
      const keys = v.entries.flatMap((e) => (e.key.kind === 'str' ? [e.key.value] : []));
      if (keys.includes('__model_type__')) return null;
      const info = v.entries.find((e) => e.key.kind === 'str' && e.key.value === '__type_info__')?.value;
      if (!info) return 'dict';
      if (info.kind !== 'str') return null;
      return ['list', 'tuple', 'set', 'frozenset'].includes(info.value)
        ? 'list'
        : info.value === 'dict'
          ? 'dict'
          : null;
    }
    default:
      return null;
  }
}

/** Why pydantic rejects the value for the field (its own words), or null when it may accept it. */
export function typeMismatch(type: FieldType, v: Lit): string | null {
  const kind = valueKind(v);
  if (kind === null) return null;
  if (kind === 'none') return type.optional ? null : 'Input should be a valid ' + WORD[type.expected];
  const ok = ((): boolean => {
    switch (type.expected) {
      case 'str':
        return kind === 'str';
      case 'int':
        if (kind === 'str') return v.kind === 'str' && INT_TEXT.test(v.value);
        if (kind === 'float') return v.kind === 'num' && Number.isInteger(v.value);
        return kind === 'int' || kind === 'bool';
      case 'float':
        if (kind === 'str') return v.kind === 'str' && FLOAT_TEXT.test(v.value);
        return kind === 'int' || kind === 'float' || kind === 'bool';
      case 'bool':
        if (kind === 'str') return v.kind === 'str' && BOOL_TEXT.has(v.value.trim().toLowerCase());
        if (kind === 'int' || kind === 'float') return v.kind === 'num' && (v.value === 0 || v.value === 1);
        return kind === 'bool';
      case 'list':
        return kind === 'list';
      case 'dict':
        return kind === 'dict';
    }
  })();
  return ok ? null : `Input should be a valid ${WORD[type.expected]}`;
}

const WORD: Record<Expected, string> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  list: 'list',
  dict: 'dictionary',
};
