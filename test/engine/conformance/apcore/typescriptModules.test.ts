// TypeScript and JavaScript modules as apcore-typescript (a2f7d66) discovers them: the cases of its
// tests/registry/test-entry-point.test.ts (`resolveEntryPoint`), test-validation.test.ts
// (`validateModule`) and test-registry.test.ts (`Registry.discover()`), rebuilt as projects, and the
// SDK's examples/modules/greet.ts. The id is the one discovery registers (the file path, the id map),
// never the FunctionModule's own moduleId.
import { strict as assert } from 'node:assert';
import { analyze, checkFix, checkHover, show } from '../../helpers';
import { discover as discoverIn, messageOf, moduleIds } from './sdk';

/** The SDK's tests pass the directory as `extensionsDir`: here `apcore.yaml` names it. */
const CONFIG = `
  //- /apcore.yaml
  extensions:
    root: extensions
`;
const discover = (text: string): ReturnType<typeof discoverIn> => discoverIn(`${CONFIG}${text}`);

/** `validModuleSource` of test-entry-point.test.ts. */
function valid(name: string): string {
  return `{ inputSchema: { type: 'object' }, outputSchema: { type: 'object' }, description: '${name} module', execute: function() { return {}; } }`;
}

const GREET = `
  //- /extensions/greet.ts
  /**
   * Minimal example module: greet a user by name.
   */
  import { Type } from '@sinclair/typebox';
  import { FunctionModule } from 'apcore-js';

  export const greetModule = new FunctionModule({
    moduleId: 'greet',
    description: 'Greet a user by name',
    inputSchema: Type.Object({ name: Type.String() }),
    outputSchema: Type.Object({ message: Type.String() }),
    execute: (inputs) => ({ message: \`Hello, \${inputs.name}!\` }),
  });
  //- /extensions/greet_meta.yaml
  tags: [example]
`;

describe('apcore-typescript conformance: resolveEntryPoint', () => {
  it('a default export that satisfies isModuleClass is the entry point (finds default export that satisfies isModuleClass)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/default_mod.js
      const mod = ${valid('Default')};
      export default mod;
      //- /extensions/default_mod_meta.yaml
      tags: [x]
    `);
    assert.deepEqual(lines, []);
    const x = engine.explain({ step: 'default_mod' });
    assert.equal(x.module?.entryClass?.class, 'default');
    assert.equal(x.winner?.fields['description'], 'Default module');
    assert.equal(
      show(x.winner?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
      '0:6-0:9',
    );
  });

  it('a single named export is the entry point (finds a single named export that satisfies isModuleClass)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/named_mod.js
      export const MyModule = ${valid('Named')};
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'named_mod' }).module?.entryClass?.class, 'MyModule');
  });

  it('no module export is RL026 (throws ModuleLoadError when no export satisfies isModuleClass)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/no_valid.js
      export const notAModule = { foo: 'bar' };
      export const alsoNot = 42;
    `);
    assert.deepEqual(lines, ['extensions/no_valid.js 0:0-0:0 RL026 error']);
    assert.match(
      messageOf(engine, 'RL026'),
      /No module found: no export is an object with inputSchema, outputSchema, description and execute/,
    );
  });

  it('two module exports are RL026 "ambiguous" (throws ModuleLoadError when multiple exports satisfy isModuleClass)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/ambiguous.js
      export const ModuleA = ${valid('A')};
      export const ModuleB = ${valid('B')};
    `);
    assert.deepEqual(lines, ['extensions/ambiguous.js 0:13-0:20 RL026 error']);
    assert.match(messageOf(engine, 'RL026'), /Ambiguous entry point: ModuleA, ModuleB/);
  });

  it('entry_point picks the named export, whatever comes before the colon (uses meta entry_point to find a specific named class)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/meta_override.js
      export const Alpha = ${valid('Alpha')};
      export const Beta = ${valid('Beta')};
      //- /extensions/meta_override_meta.yaml
      entry_point: some.path:Beta
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'meta_override' }).winner?.fields['description'], 'Beta module');
  });

  it('entry_point naming no export is RL026 on the meta file, with a fix (throws ModuleLoadError when meta entry_point class does not exist)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/meta_missing.js
      export const Alpha = ${valid('Alpha')};
      //- /extensions/meta_missing_meta.yaml
      entry_point: mod:NonExistent
    `);
    assert.deepEqual(lines, ['extensions/meta_missing_meta.yaml 0:13-0:28 RL026 error']);
    assert.match(
      messageOf(engine, 'RL026'),
      /Entry point 'NonExistent' is not exported by extensions\/meta_missing\.js \(it exports Alpha\)/,
    );
    await checkFix(
      `
      //- /extensions/meta_missing.js
      export const Alpha = ${valid('Alpha')};
      //- /extensions/meta_missing_meta.yaml
      entry_point: mod:NonEx$0istent
    `,
      "Change the entry point to 'Alpha'",
      { 'extensions/meta_missing_meta.yaml': 'entry_point: mod:Alpha\n' },
    );
  });

  it('the default export wins over a named one (prefers default export over named exports when both are valid)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/default_priority.js
      const def = ${valid('DefaultPriority')};
      export default def;
      export const Named = ${valid('NamedSibling')};
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'default_priority' }).winner?.fields['description'], 'DefaultPriority module');
  });

  it('exports without execute, primitives and null are not candidates (ignores exports missing execute function; ignores primitive and null exports)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/missing_execute.js
      export const Incomplete = {
        inputSchema: { type: 'object' },
        outputSchema: { type: 'object' },
        description: 'no execute',
      };
      export const Complete = ${valid('Complete')};
      //- /extensions/primitives.js
      export const aNumber = 42;
      export const aString = 'hello';
      export const aNull = null;
      export const Valid = ${valid('Valid')};
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'missing_execute' }).module?.entryClass?.class, 'Complete');
    assert.equal(engine.explain({ step: 'primitives' }).module?.entryClass?.class, 'Valid');
  });

  it('an exported class is a function: never picked by itself, named by entry_point it is validated on its static members', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/by_class.ts
      export class Greeter {
        inputSchema = {};
        outputSchema = {};
        description = 'instance members';
        execute() { return {}; }
      }
      //- /extensions/named_class.ts
      export class Greeter {
        inputSchema = {};
        execute() { return {}; }
      }
      //- /extensions/named_class_meta.yaml
      entry_point: named_class:Greeter
      //- /extensions/static_class.ts
      export class StaticGreeter {
        static inputSchema = { type: 'object' };
        static outputSchema = { type: 'object' };
        static description = 'Static members';
        static execute() { return {}; }
      }
      //- /extensions/static_class_meta.yaml
      entry_point: static_class:StaticGreeter
    `);
    assert.deepEqual(lines, [
      'extensions/by_class.ts 0:0-0:0 RL026 error',
      'extensions/named_class.ts 0:13-0:20 RL008 warning',
    ]);
    assert.match(
      messageOf(engine, 'RL026'),
      /Greeter is a class, which it picks only when the meta file's entry_point names it/,
    );
    assert.match(
      messageOf(engine, 'RL008'),
      /missing inputSchema, outputSchema, a description string, an execute function: apcore-typescript's validateModule rejects it .*static members/,
    );
    assert.equal(engine.explain({ step: 'static_class' }).winner?.fields['description'], 'Static members');
  });

  it('an instance of a class declared in the file is an object with its fields and methods', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/instance.ts
      class Echo {
        inputSchema = { type: 'object' };
        outputSchema = { type: 'object' };
        description: string;
        constructor() { this.description = 'Echoes'; }
        async execute(inputs: Record<string, unknown>) { return inputs; }
      }
      export const echo = new Echo();
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'instance' }).winner?.fields['description'], 'Echoes');
    assert.equal(engine.explain({ step: 'instance' }).module?.entryClass?.class, 'echo');
  });

  it('what the reading cannot see through is never called missing or ambiguous', async () => {
    const { lines } = await discover(`
      //- /extensions/factory.ts
      import { makeModule } from './lib';
      export const made = makeModule('x');
      //- /extensions/reexport.ts
      export * from './impl';
      //- /extensions/spread.ts
      import { base } from './base';
      export const withSpread = { ...base, description: 'spread' };
    `);
    assert.deepEqual(lines, []);
  });
});

describe('apcore-typescript conformance: validateModule', () => {
  it('a valid module passes; each missing member is named (valid module returns no errors; missing inputSchema / outputSchema / description / execute)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/ok.ts
      export default { inputSchema: Type.Object({}), outputSchema: Type.Object({}), description: 'A test module', execute: () => ({}) };
      //- /extensions/no_desc.ts
      export const Mod = { inputSchema: {}, outputSchema: {}, description: '', execute: () => ({}) };
    `);
    assert.deepEqual(lines, ['extensions/no_desc.ts 0:13-0:16 RL008 warning']);
    assert.match(
      messageOf(engine, 'RL008'),
      /Module 'no_desc' \(export Mod, object literal\) is missing a non-empty description \(it is empty\)/,
    );
  });

  it('a FunctionModule without description gets "Module <moduleId>" and passes (decorator.ts FunctionModule)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/plain.ts
      import { FunctionModule } from 'apcore-js';
      export const plain = new FunctionModule({ moduleId: 'plain', inputSchema: {}, outputSchema: {}, execute: () => ({}) });
    `);
    assert.deepEqual(lines, []);
    assert.equal(engine.explain({ step: 'plain' }).winner?.fields['description'], 'Module plain');
  });

  it('module() without an id throws on import: RL026 (decorator.ts module)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/anon.ts
      import { module } from 'apcore-js';
      export const anon = module({ inputSchema: {}, outputSchema: {}, execute: () => ({}) });
    `);
    assert.deepEqual(lines, ['extensions/anon.ts 1:13-1:17 RL026 error']);
    assert.match(messageOf(engine, 'RL026'), /module\(\) is called without an 'id'/);
  });
});

describe('apcore-typescript conformance: Registry.discover()', () => {
  it('registers .js modules by path, nested ones with dots; a file without a module export is skipped (discovers valid .js module files; nested directories; skips modules that fail validation)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/greeter.js
      export default {
        execute: async (inputs) => ({ greeting: 'Hello ' + inputs.name }),
        description: 'A greeter module',
        inputSchema: { type: 'object', properties: { name: { type: 'string' } } },
        outputSchema: { type: 'object', properties: { greeting: { type: 'string' } } },
      };
      //- /extensions/sub/beta.js
      export default { execute: async () => ({}), description: 'Beta module', inputSchema: { type: 'object' }, outputSchema: { type: 'object' } };
      //- /extensions/invalid.js
      export const someData = 42;
      export const description = 'Invalid module - no execute';
      //- /extensions/greeter_meta.yaml
      description: "Overridden description from YAML"
      version: "2.0.0"
    `);
    assert.deepEqual(lines, ['extensions/invalid.js 0:0-0:0 RL026 error']);
    assert.deepEqual(moduleIds(engine), ['greeter', 'invalid', 'sub.beta']);
    // merges companion _meta.yaml metadata into discovered module: YAML wins.
    const x = engine.explain({ step: 'greeter' });
    assert.equal(x.winner?.fields['description'], 'Overridden description from YAML');
    assert.equal(x.winner?.fields['version'], '2.0.0');
  });

  it('the id map renames a TypeScript module (applies ID map overrides to discovered modules)', async () => {
    const { engine, lines } = await discover(`
      //- /extensions/mymod.js
      export default { execute: async () => ({}), description: 'ID map overridden module', inputSchema: { type: 'object' }, outputSchema: { type: 'object' } };
      //- /id_map.yaml
      mappings:
        - file: mymod.js
          id: custom.mapped.id
      //- /extensions/mymod_meta.yaml
      tags: [x]
    `);
    assert.deepEqual(lines, []);
    assert.deepEqual(moduleIds(engine), ['custom.mapped.id']);
  });

  it("examples/modules/greet.ts: the id is the path's, the class is the export, Explain shows its fields and points at it", async () => {
    const { engine, lines } = await discover(GREET);
    assert.deepEqual(lines, []);
    const x = engine.explain({ step: 'greet' });
    assert.deepEqual(
      x.module?.entryClass && {
        cls: x.module.entryClass.class,
        at: `${x.module.entryClass.file} ${show(x.module.entryClass.range)}`,
      },
      { cls: 'greetModule', at: 'extensions/greet.ts 6:13-6:24' },
    );
    assert.equal(
      show(
        x.winner?.range ?? x.trace[0]?.range ?? { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } },
      ),
      '6:13-6:24',
    );
    assert.deepEqual(x.winner?.fields, {
      description: 'Greet a user by name',
      tags: ['example'],
      inputSchema: 'Type.Object({ name: Type.String() })',
      outputSchema: 'Type.Object({ message: Type.String() })',
    });
  });

  it('hover on the export explains the module; definition of a module_id on it leads to the export', async () => {
    await checkHover(GREET.replace('export const greetModule', 'export const greet$0Module'), [
      '**greet**',
      'Greet a user by name',
      '`greetModule` (`extensions/greet.ts:7`)',
    ]);
    const { engine } = await discover(`${GREET}
      //- /extensions/caller.py
      class Caller:
          input_schema = dict
          output_schema = dict
          description = "calls greet"
          def execute(self, inputs, context=None):
              return {}
      //- /extensions/caller_meta.yaml
      dependencies:
        - module_id: greet
    `);
    assert.deepEqual(
      engine
        .definition('extensions/caller_meta.yaml', { line: 1, character: 16 })
        .map((l) => `${l.file} ${show(l.range)}`),
      ['extensions/greet.ts 6:13-6:24'],
    );
  });
});

describe('apcore-typescript reading: hostile input', () => {
  it('unterminated strings, comments, templates and brackets: every file is read, nothing throws', async () => {
    const texts = [
      'export const a = {',
      'export default `${',
      "export const x = 'abc",
      'export const y = /* never closed',
      'export const z = /[/',
      '}}}) export const q = ((',
      'export default class extends',
      '`${`${`${',
    ];
    const { engine } = await analyze(texts.map((t, i) => `//- /extensions/m${i}.ts\n${t}\n`).join(''));
    assert.ok(Array.isArray(engine.allDiagnostics()));
  });
});
