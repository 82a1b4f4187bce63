/**
 * The sample firm's logo, drawn here so the sample needs no image file: a compass rose in
 * Nordwind's teal (scripts/drawPng.ts rasterises it and writes the PNG, as it does the add-in's
 * icons). Deterministic: the same bytes every run.
 */
import { circle, encodePng, rasterise, type Rgb, type Shape } from '../drawPng';

const TEAL: Rgb = [0x0f, 0x6e, 0x56];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAND: Rgb = [0xe8, 0xb9, 0x4a];
export const LOGO_SIZE = 96;

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

/** The logo as PNG bytes, LOGO_SIZE pixels square. */
export function sampleLogoPng(): Buffer {
  return encodePng(rasterise(LOGO, LOGO_SIZE, LOGO_SIZE), LOGO_SIZE);
}
