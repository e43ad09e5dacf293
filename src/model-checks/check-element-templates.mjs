// Validates every bpmn/element-templates/*.json against Camunda's element template schema (the schema Camunda Modeler
// applies; a template it rejects would silently be missing from the administrator's catalogue). Exits 1 on any error.
import Ajv from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
// the schema carries Modeler-specific keywords (errorMessage …) that plain Ajv does not know: not strict
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const dir = process.argv[2];
let failed = 0;
for (const file of readdirSync(dir).filter(name => name.endsWith('.json')).sort()) {
  let templates;
  try {
    templates = JSON.parse(readFileSync(join(dir, file), 'utf-8'));
  } catch (error) {
    console.error(`${file}: not JSON: ${error.message}`);
    failed++;
    continue;
  }
  if (!validate(templates)) {
    failed++;
    console.error(`${file}: does not follow the element template schema`);
    for (const error of validate.errors.slice(0, 10)) {
      console.error(`  ${error.instancePath || '/'} ${error.message}`);
    }
  }
}
if (failed) {
  process.exit(1);
}
console.log(`element templates: ${dir} follows the schema`);
