// Independent check of DigitalKpi JSON documents against a JSON Schema (draft 2020-12) with Ajv.
// Usage: node validate.mjs SCHEMA.json FILE.json...
// Prints one JSON array: [{ "file", "parsed", "valid", "errors": [...] }], and exits 0 whatever the verdicts
// (2 when the schema itself does not compile). The .NET tests run it and assert on the verdicts.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath) {
  process.stderr.write("usage: node validate.mjs SCHEMA.json FILE.json...\n");
  process.exit(2);
}

// Strict mode: unknown keywords, ignored keywords and type confusions in the schema are errors, not warnings.
// strictRequired stays off: the conditional rules ("if comparator is between then upper is required") name members
// that the enclosing object, not the subschema, declares.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);

let validate;
try {
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (e) {
  process.stderr.write(`schema ${schemaPath} does not compile: ${e.message}\n`);
  process.exit(2);
}

const results = files.map((file) => {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { file, parsed: false, valid: false, errors: [e.message] };
  }
  const valid = validate(data);
  return {
    file,
    parsed: true,
    valid,
    errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`),
  };
});
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
