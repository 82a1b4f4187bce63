#!/usr/bin/env node
/**
 * `node scripts/makeIcons.js`: draws the add-in's icons and writes them to assets/ as PNG files
 * (manifest.xml points at them; webpack copies them into dist/addin/assets). No image library:
 * each glyph is a few shapes on a 32-unit grid, rasterised with 4x4 supersampling, and the PNG
 * is written with Node's zlib. The output is deterministic, so rerunning changes nothing unless
 * the drawing does.
 *
 *   icon-<size>.png      the add-in: an invoice sheet with a check mark (16, 32, 64, 80, 128)
 *   generate-<size>.png  ribbon "Generate invoices": the same sheet and check (16, 32, 80)
 *   preview-<size>.png   ribbon "Preview": the sheet under a magnifier
 *   project-<size>.png   ribbon "Create project": a folder with a plus
 *   pane-<size>.png      ribbon "Open pane": a window with its side pane
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [0x0f, 0x6e, 0x56]; // PSA Billing's deep teal
const WHITE = [0xff, 0xff, 0xff];
const GREY = [0x8a, 0x88, 0x86];

// ---- shapes on the 32-unit grid; each is { color, inside(x, y) } --------------------------

function rect(x0, y0, x1, y1, color, radius = 0) {
  return {
    color,
    inside(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      if (radius <= 0) return true;
      const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
      return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
    },
  };
}

function circle(cx, cy, r, color) {
  return { color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

/** A stroke of the given width from (ax, ay) to (bx, by), round-capped. */
function line(ax, ay, bx, by, width, color) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return {
    color,
    inside(x, y) {
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
      return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
    },
  };
}

/** A sheet of paper outlined in the brand colour, with three lines of text. */
function sheet(x0, y0, x1, y1) {
  const textRight = x1 - 4;
  return [
    rect(x0, y0, x1, y1, BRAND, 2),
    rect(x0 + 2, y0 + 2, x1 - 2, y1 - 2, WHITE, 1),
    line(x0 + 4.5, y0 + 7, textRight, y0 + 7, 2, GREY),
    line(x0 + 4.5, y0 + 11.5, textRight, y0 + 11.5, 2, GREY),
    line(x0 + 4.5, y0 + 16, textRight - 4, y0 + 16, 2, GREY),
  ];
}

const checkedSheet = [
  ...sheet(4, 1, 24, 29),
  circle(23, 23, 8, WHITE),
  circle(23, 23, 6.5, BRAND),
  line(19.8, 23.2, 22.2, 25.6, 2.2, WHITE),
  line(22.2, 25.6, 26.4, 20.6, 2.2, WHITE),
];

const GLYPHS = {
  icon: checkedSheet,
  generate: checkedSheet,
  preview: [
    ...sheet(3, 1, 23, 29),
    circle(20, 19, 8, WHITE),
    circle(20, 19, 6.5, BRAND),
    circle(20, 19, 4, WHITE),
    line(24.5, 23.5, 29.5, 28.5, 3.5, BRAND),
  ],
  project: [
    rect(2, 6, 14, 12, BRAND, 1.5),
    rect(2, 9, 30, 27, BRAND, 2),
    line(16, 13, 16, 24, 2.8, WHITE),
    line(10.5, 18.5, 21.5, 18.5, 2.8, WHITE),
  ],
  pane: [
    rect(2, 4, 30, 28, BRAND, 2),
    rect(4, 8, 18, 26, WHITE, 1),
    rect(20, 8, 28, 26, WHITE, 1),
    line(22, 12, 26, 12, 2, BRAND),
    line(22, 16, 26, 16, 2, BRAND),
    line(22, 20, 26, 20, 2, BRAND),
  ],
};

const SIZES = { icon: [16, 32, 64, 80, 128], generate: [16, 32, 80], preview: [16, 32, 80], project: [16, 32, 80], pane: [16, 32, 80] };

// ---- rasterising -------------------------------------------------------------------------

const SAMPLES = 4;

/** RGBA pixels of the glyph at size x size; shapes paint over each other in order. */
function rasterise(shapes, size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 32 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          let color = null;
          for (const shape of shapes) if (shape.inside(x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            covered++;
          }
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

// ---- PNG ---------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- main --------------------------------------------------------------------------------

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, encodePng(rasterise(GLYPHS[name], size), size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
