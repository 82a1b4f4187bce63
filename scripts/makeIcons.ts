/**
 * `npm run icons`: draws the add-in's icons and writes them to assets/ as PNG files
 * (manifest.xml points at them; webpack copies them into dist/addin/assets). No image library:
 * each glyph is a few shapes on a 32-unit grid, which scripts/drawPng.ts rasterises and writes
 * as PNG. The output is deterministic, so rerunning changes nothing unless the drawing does.
 *
 *   icon-<size>.png      the add-in: an invoice sheet with a check mark (16, 32, 64, 80, 128)
 *   generate-<size>.png  ribbon "Generate invoices": the same sheet and check (16, 32, 80)
 *   preview-<size>.png   ribbon "Preview": the sheet under a magnifier
 *   project-<size>.png   ribbon "Create project": a folder with a plus
 *   pane-<size>.png      ribbon "Open pane": a window with its side pane
 */
import * as fs from 'fs';
import * as path from 'path';
import { circle, encodePng, rasterise, type Rgb, type Shape } from './drawPng';

const BRAND: Rgb = [0x0f, 0x6e, 0x56]; // PSA Billing's deep teal
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GREY: Rgb = [0x8a, 0x88, 0x86];

// ---- shapes on the 32-unit grid; each is { color, inside(x, y) } --------------------------

function rect(x0: number, y0: number, x1: number, y1: number, color: Rgb, radius = 0): Shape {
  return {
    color,
    inside(x: number, y: number) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      if (radius <= 0) return true;
      const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
      return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
    },
  };
}

/** A stroke of the given width from (ax, ay) to (bx, by), round-capped. */
function line(ax: number, ay: number, bx: number, by: number, width: number, color: Rgb): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return {
    color,
    inside(x: number, y: number) {
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
      return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
    },
  };
}

/** A sheet of paper outlined in the brand colour, with three lines of text. */
function sheet(x0: number, y0: number, x1: number, y1: number): Shape[] {
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

const GLYPHS: Record<string, Shape[]> = {
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

const SIZES: Record<string, number[]> = { icon: [16, 32, 64, 80, 128], generate: [16, 32, 80], preview: [16, 32, 80], project: [16, 32, 80], pane: [16, 32, 80] };

// ---- main --------------------------------------------------------------------------------

// Compiled to out/tools/scripts/makeIcons.js; the icons go to the repository's assets/.
const outDir = path.join(__dirname, '..', '..', '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, encodePng(rasterise(GLYPHS[name], size, 32), size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
