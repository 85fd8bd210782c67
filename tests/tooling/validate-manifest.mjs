#!/usr/bin/env node
// validate-manifest.mjs <manifest.json> <schema.json> [<localization-schema.json>]
//
// Offline validation of a Teams app manifest (or of a localization file, when given the
// localization schema) with @microsoft/teams-manifest:
//   ManifestUtil.validateManifestAgainstSchema(manifest, schemaJson)
// (ManifestUtil.validateManifest() would fetch the $schema URL: never called here.)
//
// For a manifest (a file with "manifestVersion") it also checks, beside the manifest:
//  - icons.color (PNG 192x192), icons.outline (PNG 32x32, only white or fully transparent
//    pixels, some of each), icons.color32x32 if present (PNG 32x32): exist, are real PNGs
//    (signature, chunk CRCs, IHDR, zlib data, filters; all colour types/bit depths, Adam7);
//  - every localizationInfo file (additionalLanguages[].file, defaultLanguageFile) exists, is
//    JSON, validates against the localization schema (3rd argument, or
//    MicrosoftTeams.Localization.v<manifestVersion>.schema.json beside <schema.json>), and its
//    "bots[0].commandLists[i].commands[j].*" keys point at commands that exist in the manifest;
//  - webApplicationInfo.resource "api://botid-<guid>" (if used) names bots[0].botId.
// Prints { "errors": [ ... ] }; exit 0 when clean, 1 when there are errors, 2 on usage errors.

import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import { inflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { ManifestUtil } = require("@microsoft/teams-manifest");

function usage(msg) {
  process.stderr.write(`${msg}\nusage: node validate-manifest.mjs <manifest.json> <schema.json> [<localization-schema.json>]\n`);
  process.exit(2);
}
function readJson(file, what) {
  let text;
  try { text = readFileSync(file, "utf8"); } catch (e) { usage(`cannot read ${what} ${file}: ${e.message}`); }
  try { return JSON.parse(text.replace(/^\uFEFF/, "")); } catch (e) { usage(`${what} ${file} is not valid JSON: ${e.message}`); }
}

// ---------- PNG decoding ----------
// Node 20 has zlib.crc32 (the PNG CRC-32).
const crc32 = (buf, start, end) => zlibCrc32(buf.subarray(start, end)) >>> 0;
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

// Reads chunks and IHDR. Throws Error with a precise message on malformed input.
function readPngChunks(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIG)) throw new Error("not a PNG file (bad signature)");
  let pos = 8;
  const chunks = [];
  while (pos < buf.length) {
    if (pos + 12 > buf.length) throw new Error(`truncated chunk at byte ${pos}`);
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    if (pos + 12 + len > buf.length) throw new Error(`truncated ${type} chunk`);
    const crc = buf.readUInt32BE(pos + 8 + len);
    if (crc32(buf, pos + 4, pos + 8 + len) !== crc) throw new Error(`bad CRC in ${type} chunk`);
    chunks.push({ type, data: buf.subarray(pos + 8, pos + 8 + len) });
    pos += 12 + len;
    if (type === "IEND") break;
  }
  if (!chunks.length || chunks[0].type !== "IHDR" || chunks[0].data.length !== 13) throw new Error("first chunk is not a valid IHDR");
  if (chunks[chunks.length - 1].type !== "IEND") throw new Error("missing IEND chunk");
  const h = chunks[0].data;
  const ihdr = { width: h.readUInt32BE(0), height: h.readUInt32BE(4), bitDepth: h[8], colorType: h[9], compression: h[10], filter: h[11], interlace: h[12] };
  return { ihdr, chunks };
}

function paeth(a, b, c) {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Full decode to 8-bit RGBA (Buffer width*height*4).
function decodePng(buf) {
  const { ihdr, chunks } = readPngChunks(buf);
  const { width, height, bitDepth, colorType, interlace } = ihdr;
  if (!(colorType in CHANNELS)) throw new Error(`unsupported colour type ${colorType}`);
  if (!DEPTHS[colorType].includes(bitDepth)) throw new Error(`invalid bit depth ${bitDepth} for colour type ${colorType}`);
  if (ihdr.compression !== 0 || ihdr.filter !== 0 || interlace > 1) throw new Error("invalid compression/filter/interlace method in IHDR");
  if (width === 0 || height === 0) throw new Error("zero width or height");
  const channels = CHANNELS[colorType];
  const plte = chunks.find((c) => c.type === "PLTE")?.data;
  const trns = chunks.find((c) => c.type === "tRNS")?.data;
  if (colorType === 3 && !plte) throw new Error("palette image without PLTE chunk");
  let data;
  try { data = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data))); } catch (e) { throw new Error(`IDAT data does not inflate: ${e.message}`); }

  const out = Buffer.alloc(width * height * 4);
  const bitsPP = channels * bitDepth;
  const bpp = Math.max(1, bitsPP >> 3);
  const max = (1 << bitDepth) - 1;
  let pos = 0;
  const passes = interlace === 1
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx), ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * bitsPP) / 8);
    let prev = Buffer.alloc(stride);
    for (let r = 0; r < ph; r++) {
      if (pos + 1 + stride > data.length) throw new Error("image data too short");
      const ft = data[pos];
      const line = Buffer.from(data.subarray(pos + 1, pos + 1 + stride));
      pos += 1 + stride;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
        switch (ft) {
          case 0: break;
          case 1: line[i] = (line[i] + a) & 0xff; break;
          case 2: line[i] = (line[i] + b) & 0xff; break;
          case 3: line[i] = (line[i] + ((a + b) >> 1)) & 0xff; break;
          case 4: line[i] = (line[i] + paeth(a, b, c)) & 0xff; break;
          default: throw new Error(`invalid filter type ${ft} on row ${r}`);
        }
      }
      prev = line;
      const sample = (idx) => { // idx-th sample on the line, scaled to 0..255
        if (bitDepth === 8) return line[idx];
        if (bitDepth === 16) return line[idx * 2];
        const bit = idx * bitDepth, v = (line[bit >> 3] >> (8 - bitDepth - (bit & 7))) & max;
        return colorType === 3 ? v : Math.round((v * 255) / max);
      };
      const raw16 = (idx) => (bitDepth === 16 ? line.readUInt16BE(idx * 2) : null);
      for (let col = 0; col < pw; col++) {
        const o = ((y0 + r * dy) * width + (x0 + col * dx)) * 4;
        const s = col * channels;
        let R, G, B, A = 255;
        if (colorType === 0) {
          R = G = B = sample(s);
          if (trns && trns.length >= 2) {
            const key = trns.readUInt16BE(0);
            const v = bitDepth === 16 ? raw16(s) : bitDepth === 8 ? line[s] : (line[(s * bitDepth) >> 3] >> (8 - bitDepth - ((s * bitDepth) & 7))) & max;
            if (v === key) A = 0;
          }
        } else if (colorType === 2) {
          R = sample(s); G = sample(s + 1); B = sample(s + 2);
          if (trns && trns.length >= 6) {
            const k = [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)];
            const v = bitDepth === 16 ? [raw16(s), raw16(s + 1), raw16(s + 2)] : [line[s], line[s + 1], line[s + 2]];
            if (v[0] === k[0] && v[1] === k[1] && v[2] === k[2]) A = 0;
          }
        } else if (colorType === 3) {
          const i = sample(s);
          if (i * 3 + 2 >= plte.length) throw new Error(`palette index ${i} out of range`);
          R = plte[i * 3]; G = plte[i * 3 + 1]; B = plte[i * 3 + 2];
          if (trns && i < trns.length) A = trns[i];
        } else if (colorType === 4) {
          R = G = B = sample(s); A = sample(s + 1);
        } else {
          R = sample(s); G = sample(s + 1); B = sample(s + 2); A = sample(s + 3);
        }
        out[o] = R; out[o + 1] = G; out[o + 2] = B; out[o + 3] = A;
      }
    }
  }
  return { ...ihdr, rgba: out };
}

function checkIcon(errors, manifestDir, key, rel, size, outline) {
  const label = `icons.${key} "${rel}"`;
  if (typeof rel !== "string" || rel === "") return; // schema reports it
  if (/^[a-z]+:\/\//i.test(rel) || rel.startsWith("/") || rel.includes("..")) {
    errors.push(`${label}: must be a relative file name inside the app package`);
    return;
  }
  const file = join(manifestDir, rel);
  if (!existsSync(file)) { errors.push(`${label}: file not found beside the manifest (${file})`); return; }
  let png;
  try { png = decodePng(readFileSync(file)); } catch (e) { errors.push(`${label}: ${e.message}`); return; }
  if (png.width !== size || png.height !== size) errors.push(`${label}: must be ${size}x${size} pixels, is ${png.width}x${png.height}`);
  if (!outline) return;
  let bad = 0, first = null, transparent = 0, opaqueWhite = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    const [r, g, b, a] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2], png.rgba[i + 3]];
    if (a === 0) { transparent++; continue; }
    if (r === 255 && g === 255 && b === 255) { opaqueWhite++; continue; }
    bad++;
    if (!first) { const p = i / 4; first = `(${p % png.width},${Math.floor(p / png.width)}) rgba(${r},${g},${b},${a})`; }
  }
  if (bad) errors.push(`${label}: outline icon must be white on transparent; ${bad} pixel(s) are neither fully transparent nor white, first at ${first}`);
  if (!transparent) errors.push(`${label}: outline icon has no transparent pixels (background must be transparent)`);
  if (!opaqueWhite && !bad) errors.push(`${label}: outline icon is fully transparent`);
}

// Ajv compiles "pattern"s with the "u" flag, where a lone "]" is a syntax error. The published
// localization schema has such patterns ("^activities.activityTypes\\[\\b(...)\\b]\\.description$"),
// so ManifestUtil would throw. Escape lone "]" (what the pattern means without the "u" flag) in
// the patterns that do not compile, on a copy of the schema; everything else is left as is.
function escapeLoneBrackets(p) {
  let out = "", inClass = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === "\\") { out += ch + (p[i + 1] ?? ""); i++; continue; }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    else if (ch === "]") { out += "\\]"; continue; }
    out += ch;
  }
  return out;
}
function compiles(p) { try { new RegExp(p, "u"); return true; } catch { return false; } }
const fixPattern = (p) => (compiles(p) || !compiles(escapeLoneBrackets(p)) ? p : escapeLoneBrackets(p));
function sanitizeSchema(node) {
  if (Array.isArray(node)) return node.map(sanitizeSchema);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "pattern" && typeof v === "string") out[k] = fixPattern(v);
    else if (k === "patternProperties" && v && typeof v === "object" && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [fixPattern(pk), sanitizeSchema(pv)]));
    } else out[k] = sanitizeSchema(v);
  }
  return out;
}

async function schemaErrors(doc, schema, prefix) {
  const errs = await ManifestUtil.validateManifestAgainstSchema(doc, sanitizeSchema(schema));
  return errs.map((e) => `${prefix}${e.startsWith(" ") ? "(root)" : ""}${e}`);
}

function commandExists(manifest, key) {
  const m = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(\w+)$/.exec(key);
  if (!m) return true;
  const cmd = manifest.bots?.[+m[1]]?.commandLists?.[+m[2]]?.commands?.[+m[3]];
  return cmd !== undefined;
}

async function main() {
  const [manifestPath, schemaPath, locSchemaArg, ...rest] = process.argv.slice(2);
  if (!manifestPath || !schemaPath || rest.length) usage("expected <manifest.json> <schema.json> [<localization-schema.json>]");
  const manifest = readJson(manifestPath, "manifest");
  const schema = readJson(schemaPath, "schema");
  const manifestDir = dirname(resolve(manifestPath));
  const errors = [];
  const name = basename(manifestPath);

  errors.push(...(await schemaErrors(manifest, schema, `${name}: `)));

  if (manifest && typeof manifest === "object" && "manifestVersion" in manifest) {
    const icons = manifest.icons || {};
    checkIcon(errors, manifestDir, "color", icons.color, 192, false);
    checkIcon(errors, manifestDir, "outline", icons.outline, 32, true);
    if ("color32x32" in icons) checkIcon(errors, manifestDir, "color32x32", icons.color32x32, 32, false);

    const botId = manifest.bots?.[0]?.botId;
    const resource = manifest.webApplicationInfo?.resource;
    const m = typeof resource === "string" ? /^api:\/\/(?:.*\/)?botid-(.+)$/.exec(resource) : null;
    if (m && botId && m[1].toLowerCase() !== String(botId).toLowerCase()) {
      errors.push(`${name}: webApplicationInfo.resource "${resource}" does not name bots[0].botId ${botId}`);
    }

    const li = manifest.localizationInfo;
    const files = [];
    if (li && typeof li === "object") {
      if (typeof li.defaultLanguageFile === "string") files.push(li.defaultLanguageFile);
      for (const l of Array.isArray(li.additionalLanguages) ? li.additionalLanguages : []) if (typeof l?.file === "string") files.push(l.file);
    }
    if (files.length) {
      const locSchemaPath = locSchemaArg || join(dirname(resolve(schemaPath)), `MicrosoftTeams.Localization.v${manifest.manifestVersion}.schema.json`);
      const locSchema = existsSync(locSchemaPath) ? readJson(locSchemaPath, "localization schema") : null;
      if (!locSchema) errors.push(`localization schema not found (${locSchemaPath}); pass it as the 3rd argument`);
      for (const rel of files) {
        const file = join(manifestDir, rel);
        if (!existsSync(file)) { errors.push(`localizationInfo file "${rel}": not found beside the manifest`); continue; }
        let loc;
        try { loc = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")); } catch (e) { errors.push(`${rel}: invalid JSON: ${e.message}`); continue; }
        if (locSchema) errors.push(...(await schemaErrors(loc, locSchema, `${rel}: `)));
        for (const key of Object.keys(loc || {})) {
          if (!commandExists(manifest, key)) errors.push(`${rel}: "${key}" refers to a command that the manifest does not have`);
        }
      }
    }
  }

  process.stdout.write(JSON.stringify({ errors }, null, 2) + "\n");
  process.exit(errors.length ? 1 : 0);
}

main().catch((e) => { process.stderr.write(`validate-manifest: ${e.stack || e}\n`); process.exit(2); });
