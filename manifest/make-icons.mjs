#!/usr/bin/env node
// Generates the Teams app icons beside this script, with no dependencies (node:zlib only):
//   color.png   192x192  rounded square, blue->teal gradient, white rising chart (bars + arrow)
//   outline.png  32x32   the same chart in white on a transparent background
// Usage: node manifest/make-icons.mjs            (re-run after changing the drawing below)
// Shapes are drawn as geometry and 4x4 supersampled for anti-aliasing; output is deterministic.

import { deflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const outDir = dirname(fileURLToPath(import.meta.url));

// ---------- PNG encoder (8-bit RGBA, filter 0, one IDAT) ----------
// Node 20 has zlib.crc32 (the PNG and zip CRC-32).
const crc32 = (buf) => zlibCrc32(buf) >>> 0;
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: None
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- geometry ----------
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
function onPolyline(x, y, pts, width) {
  for (let i = 0; i + 1 < pts.length; i++) {
    if (distToSegment(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) <= width / 2) return true;
  }
  return false;
}
function inTriangle(x, y, [a, b, c]) {
  const s = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a, b), d2 = s(b, c), d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
// Arrowhead pointing along (from -> tip), with the given length and half-width.
function arrowHead(from, tip, length, halfWidth) {
  const dx = tip[0] - from[0], dy = tip[1] - from[1];
  const l = Math.hypot(dx, dy), ux = dx / l, uy = dy / l;
  const bx = tip[0] - ux * length, by = tip[1] - uy * length;
  return [tip, [bx - uy * halfWidth, by + ux * halfWidth], [bx + uy * halfWidth, by - ux * halfWidth]];
}

// Renders size x size pixels; shade(x, y) returns premultiplied [r, g, b, a] (0..1) for a point
// in a 0..unit coordinate space.
function render(size, unit, shade) {
  const SS = 4;
  const out = Buffer.alloc(size * size * 4);
  const k = unit / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((px + (sx + 0.5) / SS) * k, (py + (sy + 0.5) / SS) * k);
          r += c[0]; g += c[1]; b += c[2]; a += c[3];
        }
      }
      const n = SS * SS;
      a /= n;
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(Math.min(1, r / n / a) * 255);
        out[i + 1] = Math.round(Math.min(1, g / n / a) * 255);
        out[i + 2] = Math.round(Math.min(1, b / n / a) * 255);
      }
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}
const over = (dst, [r, g, b], alpha) => [
  r * alpha + dst[0] * (1 - alpha), g * alpha + dst[1] * (1 - alpha), b * alpha + dst[2] * (1 - alpha), alpha + dst[3] * (1 - alpha),
];

// ---------- the motif (coordinates in a 192-unit box) ----------
const BARS = [ // x0, top, x1 (bottom is BASE)
  [50, 118, 74], [84, 96, 108], [118, 70, 142],
];
const BASE = 148;
const ARROW = [[44, 110], [80, 80], [104, 96], [140, 54]];
const HEAD = arrowHead(ARROW[2], [150, 42], 30, 17);

// color.png: gradient rounded square + translucent white bars + solid white arrow
const FROM = [0x1e / 255, 0x5b / 255, 0xd8 / 255]; // blue  #1E5BD8
const TO = [0x0f / 255, 0xa8 / 255, 0x9e / 255];   // teal  #0FA89E
const color = render(192, 192, (x, y) => {
  let c = [0, 0, 0, 0];
  if (!inRoundRect(x, y, 0, 0, 192, 192, 42)) return c;
  const t = Math.max(0, Math.min(1, (x + y) / 384)); // diagonal: top-left blue, bottom-right teal
  c = [FROM[0] + (TO[0] - FROM[0]) * t, FROM[1] + (TO[1] - FROM[1]) * t, FROM[2] + (TO[2] - FROM[2]) * t, 1];
  for (const [x0, top, x1] of BARS) if (inRoundRect(x, y, x0, top, x1, BASE, 5)) c = over(c, [1, 1, 1], 0.45);
  if (onPolyline(x, y, ARROW, 13) || inTriangle(x, y, HEAD)) c = over(c, [1, 1, 1], 1);
  return c;
});

// outline.png: the same chart, white on transparent, drawn in a 32-unit box
const O_BARS = [[5, 20, 10], [13, 16, 18], [21, 11, 26]];
const O_BASE = 28;
const O_ARROW = [[3, 17], [10, 11], [15, 14], [24, 6.5]];
const O_HEAD = arrowHead(O_ARROW[2], [29, 2.5], 7, 4.2);
const outline = render(32, 32, (x, y) => {
  if (onPolyline(x, y, O_ARROW, 2.6) || inTriangle(x, y, O_HEAD)) return [1, 1, 1, 1];
  // a transparent gap around the arrow keeps it readable where it crosses the bars
  if (onPolyline(x, y, O_ARROW, 2.6 + 2.4)) return [0, 0, 0, 0];
  for (const [x0, top, x1] of O_BARS) if (inRoundRect(x, y, x0, top, x1, O_BASE, 1)) return [1, 1, 1, 1];
  return [0, 0, 0, 0];
});

writeFileSync(join(outDir, "color.png"), encodePng(192, 192, color));
writeFileSync(join(outDir, "outline.png"), encodePng(32, 32, outline));
process.stdout.write(`wrote ${join(outDir, "color.png")} and ${join(outDir, "outline.png")}\n`);
