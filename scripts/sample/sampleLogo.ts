/**
 * The sample firm's logo, drawn here so the sample needs no image file: a compass rose in
 * Nordwind's teal, rasterised with 4x4 supersampling and written as a PNG with Node's zlib
 * (as scripts/makeIcons.js draws the add-in's icons). Deterministic: the same bytes every run.
 */
import * as zlib from 'zlib';

type Rgb = [number, number, number];
interface Shape {
  color: Rgb;
  inside(x: number, y: number): boolean;
}

const TEAL: Rgb = [0x0f, 0x6e, 0x56];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAND: Rgb = [0xe8, 0xb9, 0x4a];
const SAMPLES = 4;
export const LOGO_SIZE = 96;

const circle = (cx: number, cy: number, r: number, color: Rgb): Shape => ({ color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r });

/** A filled triangle through three points. */
function triangle(a: [number, number], b: [number, number], c: [number, number], color: Rgb): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return {
    color,
    inside(x, y) {
      const d1 = side(a, b, x, y);
      const d2 = side(b, c, x, y);
      const d3 = side(c, a, x, y);
      return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    },
  };
}

/** On a 96-unit grid: a teal disc, a white ring, a compass needle pointing north-east (the wind). */
const LOGO: Shape[] = [
  circle(48, 48, 46, TEAL),
  circle(48, 48, 38, WHITE),
  circle(48, 48, 34, TEAL),
  triangle([48, 14], [41, 48], [55, 48], WHITE),
  triangle([48, 82], [41, 48], [55, 48], SAND),
  triangle([14, 48], [48, 42], [48, 54], WHITE),
  triangle([82, 48], [48, 42], [48, 54], WHITE),
  circle(48, 48, 5, TEAL),
];

function rasterise(shapes: Shape[], size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          let color: Rgb | undefined;
          for (const shape of shapes) if (shape.inside(x, y)) color = shape.color;
          if (!color) continue;
          for (let k = 0; k < 3; k++) sum[k] += color[k];
          covered++;
        }
      }
      if (covered === 0) continue;
      const at = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) pixels[at + k] = Math.round(sum[k] / covered);
      pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The logo as PNG bytes, LOGO_SIZE pixels square. */
export function sampleLogoPng(): Buffer {
  const size = LOGO_SIZE;
  const pixels = rasterise(LOGO, size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
