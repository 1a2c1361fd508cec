#!/usr/bin/env node
// Draws the add-in icon (a Pareto chart: three descending bars and a rising cumulative line on a blue tile)
// at 16, 32, 64 and 80 px and writes assets/icon-<size>.png. Deterministic; re-run after changing the drawing.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function draw(size) {
  const s = 4; // supersampling
  const N = size * s;
  const blue = [16, 110, 190];
  const white = [255, 255, 255];
  const orange = [255, 185, 0];
  const radius = N * 0.18;
  const bars = [
    [0.2, 0.3, 0.82],
    [0.4, 0.5, 0.55],
    [0.6, 0.7, 0.38],
  ];
  const line = [
    [0.25, 0.62],
    [0.45, 0.38],
    [0.65, 0.27],
    [0.82, 0.22],
  ];
  function distToSegment(px, py, [ax, ay], [bx, by]) {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }
  function sample(X, Y) {
    const cx = Math.min(Math.max(X, radius), N - radius);
    const cy = Math.min(Math.max(Y, radius), N - radius);
    if (Math.hypot(X - cx, Y - cy) > radius) return null;
    const u = X / N;
    const v = Y / N;
    for (let k = 0; k + 1 < line.length; k++) {
      if (distToSegment(u, v, line[k], line[k + 1]) < 0.045) return orange;
    }
    for (const [x0, x1, top] of bars) if (u >= x0 && u < x1 && v >= 1 - top + 0.0 && v < 0.84) return white;
    if (v >= 0.84 && v < 0.87 && u > 0.14 && u < 0.86) return white;
    return blue;
  }
  return png(size, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let j = 0; j < s; j++) {
      for (let i = 0; i < s; i++) {
        const c = sample(x * s + i + 0.5, y * s + j + 0.5);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (s * s))];
  });
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(outDir, `icon-${size}.png`), draw(size));
}
console.log("icônes écrites dans assets/");
