#!/usr/bin/env node
// zip.mjs <out.zip> <file>... : writes a zip with each file at the archive root (by base name),
// deflated (or stored when deflate does not help), with a fixed timestamp so that the same inputs
// give the same bytes. Pure node (node:zlib), for machines without the `zip` command.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { deflateRawSync, crc32 as zlibCrc32 } from "node:zlib";

// Node 20 has zlib.crc32 (the PNG and zip CRC-32).
const crc32 = (buf) => zlibCrc32(buf) >>> 0;

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
  process.stderr.write("usage: node zip.mjs <out.zip> <file>...\n");
  process.exit(2);
}
const DOS_TIME = 0;                                  // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01
const locals = [], centrals = [];
let offset = 0;
const names = new Set();
for (const file of files) {
  const name = Buffer.from(basename(file), "utf8");
  if (names.has(name.toString())) { process.stderr.write(`zip.mjs: duplicate entry ${name}\n`); process.exit(2); }
  names.add(name.toString());
  const data = readFileSync(file);
  const deflated = deflateRawSync(data, { level: 9 });
  const method = deflated.length < data.length ? 8 : 0;
  const body = method === 8 ? deflated : data;
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);         // version needed
  local.writeUInt16LE(0x0800, 6);     // flags: UTF-8 names
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  locals.push(local, name, body);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(0x0314, 4);   // made by: Unix, 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt16LE(0, 30);       // extra
  central.writeUInt16LE(0, 32);       // comment
  central.writeUInt16LE(0, 34);       // disk
  central.writeUInt16LE(0, 36);       // internal attrs
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file 0644
  central.writeUInt32LE(offset, 42);
  centrals.push(central, name);
  offset += 30 + name.length + body.length;
}
const cd = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(files.length, 8);
end.writeUInt16LE(files.length, 10);
end.writeUInt32LE(cd.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...locals, cd, end]));
