/**
 * Node's zlib as the package writer's deflate: several times faster than fflate's
 * JavaScript deflate on the large sheets of a million-entry workbook. Command line only
 * (the task pane's browser bundle keeps fflate's).
 */
import * as zlib from 'zlib';
import type { Deflater } from './zipPackage';

export function nodeDeflater(level = 6): Deflater | undefined {
  // zlib.crc32 came with Node 20.15; before it, fflate does both.
  const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof crc32 !== 'function') return undefined;
  return {
    deflate: (piece, last) => zlib.deflateRawSync(piece, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
    crc32: (piece, previous) => crc32(piece, previous),
  };
}
