#!/usr/bin/env node
// Checks that an OpenAPI document imports into Postman without errors, using Postman's own
// converter (openapi-to-postmanv2, the library behind the app's OpenAPI import) and Postman's
// collection SDK (postman-collection) to load the result.
// Usage: node check-import.mjs <openapi.json> <out-collection.json>
// Exit codes: 0 = imports cleanly, 1 = import problem (listed on stderr), 2 = bad usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Converter from 'openapi-to-postmanv2';
import sdk from 'postman-collection'; // CommonJS: no named exports

const { Collection } = sdk;

const [specFile, outFile] = process.argv.slice(2);
if (!specFile || !outFile) {
  console.error('usage: node check-import.mjs <openapi.json> <out-collection.json>');
  process.exit(2);
}

// Options as for a real import (all listed in the library's OPTIONS.md).
const OPTIONS = {
  folderStrategy: 'Tags',          // one folder per tag, as the app offers on import
  parametersResolution: 'Example', // use the document's own example/examples; fake from schema only where none
  requestNameSource: 'Fallback',   // name requests by summary, else operationId, else URL
  includeDeprecated: true,         // every operation must arrive, deprecated or not
  includeWebhooks: false,          // only `paths` are compared below, so leave 3.1 webhooks out
};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const LITERALS = ['example', 'value', 'default', 'const', 'enum']; // hold data, where "$ref" is no reference
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const problems = new Set(); // any entry makes the check fail
const notes = new Set();    // lossy but not an import error: printed, does not fail

// The converter reports some trouble only on the console (e.g. a schema it cannot fake, or a
// request it drops after an exception), so capture console.warn/error while it runs.
async function convert(text) {
  const saved = { warn: console.warn, error: console.error };
  const capture = (level) => (...args) =>
    problems.add(`converter ${level}: ${args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  console.warn = capture('warning');
  console.error = capture('error');
  try {
    // type 'string' (not 'json') so the converter cannot mutate the document we count from.
    return await new Promise((resolve, reject) =>
      Converter.convertV2({ type: 'string', data: text }, OPTIONS, (err, res) => (err ? reject(err) : resolve(res))));
  } finally {
    Object.assign(console, saved);
  }
}

// Follows local "#/..." references (path items, request bodies, schemas may be $refs).
function deref(doc, node, seen = 0) {
  if (!node || typeof node.$ref !== 'string' || seen > 20) return node;
  if (!node.$ref.startsWith('#/')) return undefined;
  const target = node.$ref.slice(2).split('/')
    .reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return deref(doc, target, seen + 1);
}

// True when the document gives a request body example for the operation (media-type level
// `example`/`examples`, or `example`/`examples` on the body's top-level schema).
function declaresBodyExample(doc, op) {
  const content = deref(doc, op.requestBody)?.content ?? {};
  return Object.values(content).some((media) => {
    const schema = deref(doc, media?.schema);
    return media?.example !== undefined || Object.keys(media?.examples ?? {}).length > 0
      || schema?.example !== undefined || (schema?.examples?.length ?? 0) > 0;
  });
}

let text, doc;
try {
  text = readFileSync(specFile, 'utf8');
  doc = JSON.parse(text); // JSON only: the operations are counted from it below
} catch (err) {
  console.error(`Postman import check FAILED for ${specFile}: cannot read it as JSON: ${err.message}`);
  process.exit(1);
}

// The converter silently drops whatever a $ref it cannot resolve points at (parameters, bodies,
// whole path items), and it reads no other file: so every $ref must point inside this document.
(function checkRefs(node, at) {
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string' && deref(doc, node) === undefined) problems.add(`${at}: unresolvable $ref ${node.$ref}`);
  for (const [k, v] of Object.entries(node)) {
    if (!LITERALS.includes(k)) checkRefs(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
})(doc, '#');

// Every path+method of the document, keyed as written there: "POST /issues/{key}".
const operations = new Map();
for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
  const item = deref(doc, rawItem);
  if (!item) continue; // reported by checkRefs
  for (const method of METHODS.filter((m) => item[m])) {
    operations.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
}

let result;
try {
  result = await convert(text);
} catch (err) {
  problems.add(`conversion failed: ${err.message}`);
}
if (result && !result.result) problems.add(`conversion not successful: ${result.reason}`);
const json = result?.result && result.output?.find((o) => o.type === 'collection')?.data;
if (result?.result && !json) problems.add('conversion produced no collection');

let requestCount = 0, folderCount = 0;
if (json) {
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  if (json.info?.schema !== V21) problems.add(`collection schema is ${json.info?.schema}, expected ${V21}`);

  // Load it with Postman's collection SDK, as the app would, and check it round-trips.
  // The SDK exports "_postman_*" fields as private "_" meta that it does not read back, so drop those.
  const collection = new Collection(json);
  const plain = (c) => JSON.parse(JSON.stringify(c.toJSON(), (k, v) => (k === '_' ? undefined : v)));
  const exported = plain(collection);
  if (!isDeepStrictEqual(exported, plain(new Collection(exported)))) {
    problems.add('collection does not round-trip through postman-collection (toJSON → new Collection → toJSON differs)');
  }
  const rawCount = (items = []) => items.reduce((n, i) => n + (i.item ? rawCount(i.item) : i.request ? 1 : 0), 0);
  collection.forEachItemGroup(() => folderCount++);

  const seen = new Set();
  collection.forEachItem((item) => {
    requestCount++;
    // Postman writes a path parameter as ":key" when it is a whole segment, else as "{{key}}".
    const path = item.request.url.getPath(true).split('/')
      .map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/').replace(/\{\{([^{}]+)\}\}/g, '{$1}');
    const key = `${item.request.method} ${path}`;
    const label = `${key} ("${item.name}")`;
    const op = operations.get(key);
    if (!op) problems.add(`request ${label} matches no operation of the document`);
    seen.add(key);
    const itemJson = JSON.stringify(item.toJSON());
    // The converter writes "<Error: ...>" into values it could not generate.
    for (const m of new Set(itemJson.match(/<Error: [^>"]*>?/g))) problems.add(`request ${label}: converter error ${m}`);
    if (itemJson.includes('<Circular reference')) notes.add(`request ${label}: recursive schema, example cut with "<Circular reference ...>"`);
    // A JSON body Postman cannot show is a broken import for the user, not a detail.
    if (itemJson.includes('[object Object]')) problems.add(`request ${label}: an object-valued part was flattened to "[object Object]"`);
    const body = item.request.body;
    const empty = !body || body.isEmpty() || (body.mode === 'raw' && !String(body.raw).trim());
    if (op && empty && declaresBodyExample(doc, op)) problems.add(`request ${label}: the document declares a request body example, but the body is empty`);
    else if (op && empty && op.requestBody) notes.add(`request ${label}: operation has a request body, but the request's body is empty`);
  });
  if (rawCount(json.item) !== requestCount) problems.add(`postman-collection loaded ${requestCount} requests, the JSON has ${rawCount(json.item)}`);

  // An operation with several tags is placed once per tag, so compare the sets of operations.
  const missing = [...operations.keys()].filter((k) => !seen.has(k));
  if (missing.length) {
    problems.add(`${missing.length} of ${operations.size} operations missing from the collection (${operations.size - missing.length} imported): ${missing.join(', ')}`);
  }
}

for (const n of notes) console.error(`note: ${n}`);
if (problems.size) {
  console.error(`Postman import check FAILED for ${specFile}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`Postman import: ${requestCount} requests in ${folderCount} folders from ${specFile}`);
