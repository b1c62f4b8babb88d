import { readFileSync } from 'node:fs';
import { parseYamlLit } from './server/src/engine/yaml/yamlLit';
const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const t = input.files['src/cursus/steps/builders/builder_model_evaluation_step_meta.yaml'];
for (let i = 0; i < 3; i++) { const f = parseYamlLit(t); console.log(f.errors.length, f.errors[f.errors.length - 1]?.message); }
console.log(JSON.stringify(t.slice(0, 300)));
