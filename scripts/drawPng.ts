/**
 * Pictures drawn in code, for the add-in's icons (scripts/makeIcons.ts) and the sample firm's
 * logo (scripts/sample/sampleLogo.ts), so neither needs an image library or an image file:
 * shapes on a square grid, rasterised with 4x4 supersampling, written as an 8-bit RGBA PNG
 * with Node's zlib. Deterministic: the same drawing gives the same bytes every run.
 */
import * as zlib from 'zlib';

export type Rgb = [number, number, number];

/** A filled shape: its colour and whether a point of the grid lies inside it. */
export interface Shape {
  color: Rgb;
  inside(x: number, y: number): boolean;
}

export function circle(cx: number, cy: number, r: number, color: Rgb): Shape {
  return { color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

const SAMPLES = 4;

/**
 * RGBA pixels of the drawing at size x size, the shapes painting over each other in order;
 * `grid` is the width of the square the shapes are drawn on.
 */
export function rasterise(shapes: Shape[], size: number, grid: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = grid / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
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

/** The pixels of `rasterise` as PNG bytes. */
export function encodePng(pixels: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
