#!/usr/bin/env node
// cards-conformance.mjs <cardsDir>
//
// For every <name>.json in <cardsDir> that has a <name>.data.json beside it:
//   1. bind the template with the official templating engine:
//        new Template(tpl).expand({ $root: data })            (adaptivecards-templating 2.3.1)
//   2. parse the bound card with the official object model (adaptivecards 3.0.6, dist build:
//      the package "main" (lib/, ESM without extensions) does not load on Node 20; the dist UMD
//      build loads and parses with NO DOM shim, since parsing/validation never touches the DOM)
//   3. run our own checks for what that parser does not cover (see checkCard below).
// Prints ONE JSON object: { "<name>": { "bound": <card|null>, "errors": [..], "warnings": [..] } }
// ("warnings" only holds the parser's non-blocking Hint events). Exit 0; exit 2 on usage errors
// or an unreadable directory. Templates without a .data.json are skipped (noted on stderr).
//
// ---------------------------------------------------------------------------------------------
// FACTS ABOUT THE OFFICIAL TEMPLATING (adaptivecards-templating 2.3.1 + adaptive-expressions
// 4.23.3), observed with this package. The C# binder must reproduce them:
//
//  Types
//  - A string that is exactly ONE non-literal expression, "${n}", yields the expression's native
//    JSON type: number 5, true, null, an object, an array ("${o}" -> {"a":1}). Surrounding
//    whitespace INSIDE the braces is fine ("${ n }" -> 5); any text outside ("n=${n}", " ${n}",
//    "${n}${s}") makes it a string ("n=5", " 5", "5hola"; true -> "true").
//  - A single LITERAL expression stays a string: "${5}" -> "5", "${'abc'}" -> "abc",
//    "${true}" -> "true"; but "${-1}" -> -1 and "${1+1}" -> 2 (operators are not literals).
//  - Arithmetic follows adaptive-expressions: int/int is integer division ("${n / 2}" with n=5
//    -> 2); "${f * 2}" with f=2.5 -> 5. "${string(n)}" -> "5". Numbers print with JS toString.
//  - Interpolating an object/array inside text gives "[object Object]"; interpolating a value
//    that is null inside text ("x${nul}y") THROWS (TypeError) - the whole expand() fails.
//  Missing data
//  - An undefined path is LEFT AS-IS, verbatim: "${missing}" -> "${missing}",
//    "a ${missing} b" -> "a ${missing} b", "${o.zz}" / "${missing.deep}" unchanged. (Only the
//    failing part is kept; other parts of the same string are substituted.) This tool reports
//    any "${" left in the output as an error.
//  - "${if(missing, 'y', 'n')}" -> "n" (undefined is falsy inside functions).
//  - An unknown function ("${foo(1)}") or a syntax error ("${n +}") THROWS from expand().
//  - "\${n}" (JSON "\\${n}") is an escape: output is the literal text "${n}".
//  - Object KEYS are never templated ({"${s}":1} stays).
//  $when
//  - The object is kept only when $when is an expression evaluating to boolean true. False,
//    null, undefined paths, numbers, strings (even "hola") and errors all DROP the object.
//  - "$when": "${b}" with text around it (e.g. " ${b}") is a string -> dropped; "$when": "true"
//    (no ${}) -> dropped; JSON boolean "$when": true -> dropped (!); JSON "$when": false ->
//    KEPT (!) (the engine only tests the JS truthiness of non-expressions). Avoid both.
//  - A dropped object inside an array disappears from the array; a dropped object that is a
//    property value becomes null ({"p":{"$when":"${false}"}} -> {"p":null}); a dropped root
//    makes expand() return null.
//  - $when is evaluated per item AFTER $data, in the item's scope ($data+$when filters items).
//  $data
//  - "$data": "${arr}" on an object inside an array repeats the object once per item; the copies
//    are spliced into the parent array in place (siblings before/after kept). Empty array -> the
//    object vanishes. $data may also be a literal JSON array/object.
//  - $data on an object that is a property value (not in an array): 0 items -> null, 1 item ->
//    that single object (not an array), 2+ items -> a JSON array.
//  - $data that is an object (not array) -> rendered once with that scope. A missing path ->
//    rendered once, with $data set to the string "${missing}" (so fields inside stay "${..}").
//  - Inside an item, bare names resolve against the item; $root is the original data; $index is
//    the 0-based index in the innermost repeated array; "${$data}" is the item itself.
//  - Nested $data: the inner scope is ONLY the inner item: fields of the outer item are NOT
//    visible (an outer "${x}" inside the inner template stays "${x}"), and there is no $parent
//    ("${$parent.x}" stays as-is). Use $root or copy the value into the inner items.
//  - The reserved keys $data, $when, $root, $index, $host, $_acTemplateVersion are removed from
//    every output object. Key order of the template is preserved.
// ---------------------------------------------------------------------------------------------

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Template } = require("adaptivecards-templating");
const AC = require(join(here, "node_modules", "adaptivecards", "dist", "adaptivecards.js"));

const MAX_VERSION = [1, 5]; // Teams renders Adaptive Cards up to 1.5
const SCHEMA_URLS = new Set([
  "http://adaptivecards.io/schemas/adaptive-card.json",
  "https://adaptivecards.io/schemas/adaptive-card.json",
]);

function usage(msg) {
  process.stderr.write(`${msg}\nusage: node cards-conformance.mjs <cardsDir>\n`);
  process.exit(2);
}

// ---------- small helpers ----------
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const seg = (path, key) => (typeof key === "number" ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
const short = (v) => { const s = JSON.stringify(v); return s === undefined ? "undefined" : s.length > 80 ? s.slice(0, 77) + "..." : s; };

function parseVersion(v) {
  if (typeof v !== "string") return null;
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
const cmpVersion = (a, b) => (a[0] - b[0]) || (a[1] - b[1]);

function describeSource(src) {
  if (!src || typeof src.getJsonTypeName !== "function") return "";
  const t = src.getJsonTypeName();
  const id = src.id ? ` id=${JSON.stringify(src.id)}` : "";
  const title = !src.id && typeof src.title === "string" ? ` title=${JSON.stringify(src.title)}` : "";
  return ` [${t}${id}${title}]`;
}

// ---------- our own checks on the bound JSON ----------
function walk(node, path, visit, parentKey, owner) {
  if (Array.isArray(node)) { node.forEach((v, i) => walk(v, seg(path, i), visit, parentKey, owner)); return; }
  if (!isObj(node)) { visit(node, path, parentKey, owner); return; }
  visit(node, path, parentKey, owner);
  const isAction = typeof node.type === "string" && node.type.startsWith("Action.");
  for (const [k, v] of Object.entries(node)) {
    if (isAction && k === "data") continue; // free-form payload: not card structure
    walk(v, seg(path, k), visit, k, node);
  }
}

function teamsChecks(bound, errors) {
  walk(bound, "$", (node, path, parentKey) => {
    if (typeof node === "string") {
      if (node.includes("${")) errors.push(`${path}: unresolved template expression in ${short(node)}`);
      return;
    }
    if (!isObj(node)) return;
    for (const k of Object.keys(node)) {
      if (k.includes("${")) errors.push(`${path}: unresolved template expression in property name ${short(k)}`);
      if (k === "$data" || k === "$when") errors.push(`${path}: templating keyword "${k}" left in bound card`);
    }
    if ("choices.data" in node) {
      if (node.type !== "Input.ChoiceSet") {
        errors.push(`${path}: "choices.data" is only allowed on Input.ChoiceSet (found on ${short(node.type)})`);
      }
      const q = node["choices.data"];
      if (!isObj(q)) errors.push(`${seg(path, "choices.data")}: must be an object {"type":"Data.Query","dataset":"..."}`);
      else {
        if (q.type !== "Data.Query") errors.push(`${seg(path, "choices.data")}.type: must be "Data.Query" (got ${short(q.type)})`);
        if (typeof q.dataset !== "string" || q.dataset.trim() === "") errors.push(`${seg(path, "choices.data")}.dataset: must be a non-empty string (got ${short(q.dataset)})`);
        for (const k of ["count", "skip"]) if (k in q && typeof q[k] !== "number") errors.push(`${seg(path, "choices.data")}.${k}: must be a number (got ${short(q[k])})`);
        for (const k of Object.keys(q)) if (!["type", "dataset", "count", "skip"].includes(k)) errors.push(`${seg(path, "choices.data")}: unknown property "${k}"`);
      }
    }
    if (node.type === "Action.Execute" && (typeof node.verb !== "string" || node.verb.trim() === "")) {
      errors.push(`${path}: Action.Execute must have a non-empty "verb" (got ${short(node.verb)})`);
    }
    if ("msteams" in node && !isObj(node.msteams) && parentKey !== "data") {
      errors.push(`${path}.msteams: must be an object (got ${short(node.msteams)})`);
    }
  }, undefined, undefined);
}

// ---------- official parser ----------
const TYPED_EXTRA = { Column: AC.Column, TableRow: AC.TableRow, TableCell: AC.TableCell, AdaptiveCard: AC.AdaptiveCard };
const BY_PARENT_KEY = {
  choices: AC.Choice, facts: AC.Fact, backgroundImage: AC.BackgroundImage, refresh: AC.RefreshDefinition,
  authentication: AC.Authentication, tokenExchangeResource: AC.TokenExchangeResource, buttons: AC.AuthCardButton,
  rows: AC.TableRow, cells: AC.TableCell, "choices.data": AC.ChoiceSetInputDataQuery,
};
function classFor(obj, parentKey, ownerType) {
  if (typeof obj.type === "string") {
    const reg = AC.GlobalRegistry.defaultElements.findByName(obj.type) || AC.GlobalRegistry.defaultActions.findByName(obj.type);
    if (reg) return reg.objectType;
    if (TYPED_EXTRA[obj.type]) return TYPED_EXTRA[obj.type];
  }
  if (parentKey === "columns") return ownerType === "Table" ? AC.TableColumnDefinition : AC.Column;
  if (parentKey === "inlines") return AC.TextRun;
  return BY_PARENT_KEY[parentKey];
}
function schemaProperty(cls, name) {
  let inst;
  try { inst = new cls(); } catch { return { known: false, inst: undefined }; }
  const s = inst.getSchema();
  for (let i = 0; i < s.getCount(); i++) { const p = s.getItemAt(i); if (p.name === name) return { known: true, prop: p, inst }; }
  // a few properties are parsed by hand rather than through the schema
  if (["type", "fallback", "requires", "$schema", "version"].includes(name)) return { known: true, prop: undefined, inst };
  return { known: false, inst };
}

// Why did the parser drop obj[key]? Returns null when it was a default/empty value (fine),
// "reported" when parsing it logs an event (already reported), else an error string.
function droppedReason(obj, key, path, parentKey, ownerType, target) {
  const cls = classFor(obj, parentKey, ownerType);
  const where = typeof obj.type === "string" ? obj.type : parentKey ? `"${parentKey}" item` : "object";
  if (!cls) return `${seg(path, key)}: property dropped by the official parser (unknown property of ${where})`;
  const { known, prop, inst } = schemaProperty(cls, key);
  if (Array.isArray(obj[key]) && obj[key].length === 0) return null;
  if (!known) return `${seg(path, key)}: unknown property "${key}" on ${where} (dropped by the official parser)`;
  const v = obj[key];
  if (v === null) return `${seg(path, key)}: null value (dropped by the official parser)`;
  if (!prop) return null;
  if (v === prop.defaultValue) return null;
  if (typeof v === "string" && typeof prop.defaultValue === "string" && v.toLowerCase() === prop.defaultValue.toLowerCase()) return null;
  const scratch = new AC.SerializationContext(target);
  let parsed;
  try { parsed = prop.parse(inst, { [key]: v }, scratch); } catch { parsed = undefined; }
  if (scratch.eventCount > 0) return "reported";
  const sameKind = (prop instanceof AC.BoolProperty) ? typeof v === "boolean" : (prop instanceof AC.NumProperty) ? typeof v === "number" : (prop instanceof AC.EnumProperty || prop instanceof AC.StringProperty || prop instanceof AC.ValueSetProperty) ? typeof v === "string" : true;
  if (sameKind && (parsed === prop.defaultValue || parsed === undefined)) return null;
  return `${seg(path, key)}: value ${short(v)} not accepted for "${key}" on ${where} (dropped by the official parser)`;
}

function diffDropped(bound, parsed, path, parentKey, ownerType, target, errors, ctx) {
  if (Array.isArray(bound)) {
    if (!Array.isArray(parsed)) return;
    // Pair items in order. The parser may drop an item (unknown type: also reported as a parse
    // event, without a path) or replace it by its "fallback" (then diff the fallback instead).
    let j = 0;
    bound.forEach((b, i) => {
      const p = parsed[j];
      if (!isObj(b)) { if (j < parsed.length) j++; return; }
      if (isObj(p) && (b.type === undefined || b.type === p.type)) {
        diffDropped(b, p, seg(path, i), parentKey, ownerType, target, errors, ctx);
        j++;
      } else if (isObj(p) && isObj(b.fallback) && b.fallback.type === p.type) {
        diffDropped(b.fallback, p, seg(seg(path, i), "fallback"), parentKey, ownerType, target, errors, ctx);
        j++;
      } else if (b.fallback !== "drop") {
        errors.push(`${seg(path, i)}: ${short(b.type)} item dropped by the official parser`);
      }
    });
    return;
  }
  if (!isObj(bound) || !isObj(parsed)) return;
  const isAction = typeof bound.type === "string" && bound.type.startsWith("Action.");
  for (const key of Object.keys(bound)) {
    if (key === "msteams" || key === "choices.data") continue; // Teams extensions, checked by teamsChecks
    if (isAction && key === "data") continue;                   // free-form, copied verbatim
    if (key === "fallback") {
      if (isObj(bound.fallback)) diffFallback(bound.fallback, seg(path, key), isAction, target, errors, ctx);
      continue;
    }
    if (key in parsed) {
      diffDropped(bound[key], parsed[key], seg(path, key), key, typeof bound.type === "string" ? bound.type : ownerType, target, errors, ctx);
    } else {
      const r = droppedReason(bound, key, path, parentKey, ownerType, target);
      if (r && r !== "reported") errors.push(r);
    }
  }
}

function diffFallback(fb, path, isAction, target, errors, ctx) {
  // toJSON() does not write "fallback", so re-parse it alone (events were already collected
  // when the whole card was parsed) and diff that.
  const card = new AC.AdaptiveCard();
  const c = new AC.SerializationContext(target);
  const wrapper = { type: "AdaptiveCard", version: `${target.major}.${target.minor}`, [isAction ? "actions" : "body"]: [fb] };
  card.parse(wrapper, c);
  const out = card.toJSON(new AC.SerializationContext(target)) || {};
  const arr = out[isAction ? "actions" : "body"];
  if (Array.isArray(arr) && arr.length === 1) diffDropped(fb, arr[0], path, undefined, undefined, target, errors, ctx);
}

function officialParse(bound, declared, errors, warnings) {
  const v = declared && cmpVersion(declared, MAX_VERSION) <= 0 ? declared : MAX_VERSION;
  const target = new AC.Version(v[0], v[1]);
  const ctx = new AC.SerializationContext(target);
  const card = new AC.AdaptiveCard();
  try { card.parse(bound, ctx); } catch (e) { errors.push(`adaptivecards: parse threw: ${e.message}`); return; }

  const events = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i));
  let validation = [];
  try { validation = card.validateProperties().validationEvents; } catch (e) { errors.push(`adaptivecards: validateProperties threw: ${e.message}`); }

  // ids of ChoiceSets that declare a well-formed choices.data (dynamic type-ahead)
  const typeAheadIds = new Set();
  walk(bound, "$", (n) => {
    if (isObj(n) && n.type === "Input.ChoiceSet" && isObj(n["choices.data"]) && n["choices.data"].type === "Data.Query"
        && typeof n["choices.data"].dataset === "string" && n["choices.data"].dataset.trim() !== "") typeAheadIds.add(n.id);
  });
  for (const e of [...events, ...validation]) {
    const name = AC.ValidationEvent[e.event] ?? String(e.event);
    const src = e.source;
    const srcType = src && typeof src.getJsonTypeName === "function" ? src.getJsonTypeName() : "";
    // Teams-only extension: choices.data (a 1.6 property for this parser) on Input.ChoiceSet;
    // a ChoiceSet fed by choices.data may have no static choices.
    if (srcType === "Input.ChoiceSet" && e.event === AC.ValidationEvent.UnsupportedProperty && /"choices\.data"/.test(e.message)) continue;
    if (srcType === "Input.ChoiceSet" && e.event === AC.ValidationEvent.CollectionCantBeEmpty && typeAheadIds.has(src.id)) continue;
    const msg = `adaptivecards ${name}${describeSource(src)}: ${e.message}`;
    if (e.event === AC.ValidationEvent.Hint) warnings.push(msg); else errors.push(msg);
  }

  let parsedJson;
  try { parsedJson = card.toJSON(new AC.SerializationContext(target)); } catch (e) { errors.push(`adaptivecards: toJSON threw: ${e.message}`); return; }
  diffDropped(bound, parsedJson, "$", undefined, undefined, target, errors, {});
}

function checkCard(bound) {
  const errors = [];
  const warnings = [];
  if (!isObj(bound)) {
    errors.push(`$: bound card is ${short(bound)}, expected an object (root $when false?)`);
    return { errors, warnings };
  }
  if (bound.type !== "AdaptiveCard") errors.push(`$.type: must be "AdaptiveCard" (got ${short(bound.type)})`);
  let declared = null;
  if (!("version" in bound)) errors.push(`$.version: missing (use "1.5")`);
  else {
    declared = parseVersion(bound.version);
    if (!declared) errors.push(`$.version: must be a "major.minor" string (got ${short(bound.version)})`);
    else if (cmpVersion(declared, MAX_VERSION) > 0) errors.push(`$.version: ${bound.version} is above ${MAX_VERSION.join(".")}, the highest version Teams renders`);
  }
  if ("$schema" in bound && !SCHEMA_URLS.has(bound.$schema)) errors.push(`$.$schema: expected "http://adaptivecards.io/schemas/adaptive-card.json" (got ${short(bound.$schema)})`);
  if ("msteams" in bound && !isObj(bound.msteams)) { /* reported by teamsChecks */ }
  teamsChecks(bound, errors);
  officialParse(bound, declared, errors, warnings);
  return { errors, warnings };
}

// ---------- main ----------
const dir = process.argv[2];
if (!dir || process.argv.length > 3) usage("expected exactly one argument");
let names;
try {
  if (!statSync(dir).isDirectory()) usage(`not a directory: ${dir}`);
  names = readdirSync(dir);
} catch (e) {
  usage(`cannot read directory ${dir}: ${e.message}`);
}

const result = {};
for (const file of names.sort()) {
  if (!file.endsWith(".json") || file.endsWith(".data.json")) continue;
  const name = file.slice(0, -".json".length);
  const dataFile = `${name}.data.json`;
  if (!names.includes(dataFile)) { process.stderr.write(`skip ${file}: no ${dataFile}\n`); continue; }
  const entry = { bound: null, errors: [], warnings: [] };
  result[name] = entry;
  let tpl, data;
  try { tpl = JSON.parse(readFileSync(join(dir, file), "utf8")); } catch (e) { entry.errors.push(`${file}: invalid JSON: ${e.message}`); continue; }
  try { data = JSON.parse(readFileSync(join(dir, dataFile), "utf8")); } catch (e) { entry.errors.push(`${dataFile}: invalid JSON: ${e.message}`); continue; }
  let bound;
  try { bound = new Template(tpl).expand({ $root: data }); } catch (e) { entry.errors.push(`templating: expand() threw: ${e.message}`); continue; }
  entry.bound = bound === undefined ? null : bound;
  const { errors, warnings } = checkCard(entry.bound);
  entry.errors.push(...errors);
  entry.warnings.push(...warnings);
}
// Exit only once the output is flushed: to a pipe, writes are asynchronous and exiting at once cuts them at 64 KiB.
process.stdout.write(JSON.stringify(result, null, 2) + "\n", () => process.exit(0));
