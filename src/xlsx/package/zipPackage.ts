/**
 * The zip of an .xlsx package, through fflate (it runs in the browser too). Parts are
 * inflated one at a time, when asked for, so a million-row sheet is never held twice; the
 * result is written as a stream of deflated parts, each either a part of the input
 * (inflated and deflated again, its bytes unchanged; in the command line copied as the input
 * has it deflated, nodeZipInput.ts), new bytes, or a stream of text and bytes produced while
 * writing (a transformed sheet).
 */
import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync, type UnzipFileInfo, type ZipInputFile } from 'fflate';

/** No part of a workbook this tool bills comes near this; a larger claim is a damaged or hostile file. */
const MAX_PART_BYTES = 1_800_000_000;

/**
 * A faster deflate than fflate's own JavaScript one, where the platform has it (Node's zlib,
 * in a second thread: nodeDeflater.ts). A part is deflated as it is written, piece by piece;
 * each piece ends on a byte boundary (a sync flush), so the pieces of a part joined are one
 * deflate stream, and the last piece finishes it.
 */
export interface Deflater {
  /**
   * Starts a part: its pieces go to `push` in order (`owned`: the piece is the deflater's to
   * keep, nobody else holds it), and `out` gets the deflated data in the same order, the part's
   * CRC-32 and size with the last of it, at the latest when `finish` returns (the next parts
   * may be started before: the zip keeps each part's data until the parts before it are done).
   */
  part(out: (data: Uint8Array, last: boolean, crc: number, size: number) => void): { push(piece: Uint8Array, last: boolean, owned: boolean): void };
  /** Waits until every part started has had all its deflated data. */
  finish(): void;
  /** Ends what the deflater started (a thread); called once the package is written. */
  close(): void;
}

/** Text is gathered into pieces of about this many bytes before it is deflated. */
const PIECE_BYTES = 1 << 21;

/**
 * Text as UTF-8, and bytes as they are, in pieces of about PIECE_BYTES, each text encoded
 * straight into its piece as it comes (no joined string in between: a million-row sheet
 * arrives as millions of short pieces), each piece a new array its receiver may keep.
 */
class Utf8Pieces {
  private readonly encoder = new TextEncoder();
  private used = 0;

  /** `buffer` is where the pieces are encoded, each handed on as a copy: one buffer serves every part of a package. */
  constructor(
    private readonly buffer: Uint8Array,
    private readonly out: (piece: Uint8Array, last: boolean) => void,
  ) {}

  write(piece: PartPiece): void {
    if (typeof piece !== 'string') {
      this.writeBytes(piece);
      return;
    }
    let rest = piece;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) break;
      // Full: hand the piece on and go on with the rest of the text.
      this.flush(false);
      rest = rest.slice(read);
    }
    if (this.used >= PIECE_BYTES) this.flush(false);
  }

  private writeBytes(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(bytes.length - at, this.buffer.length - this.used);
      this.buffer.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used >= PIECE_BYTES) this.flush(false);
    }
  }

  end(): void {
    this.flush(true);
  }

  private flush(last: boolean): void {
    this.out(this.buffer.slice(0, this.used), last);
    this.used = 0;
  }
}

/** A piece of a part produced while the result is written: text, or bytes (UTF-8) to copy as they are. */
export type PartPiece = string | Uint8Array;

/** Writes a part piece by piece while the result is written. */
export type PartWriter = (push: (piece: PartPiece) => void) => void;

/** A part as the input file has it deflated: its data, CRC-32 and inflated size. */
export interface DeflatedPart {
  data: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Faster access to the input's parts where the platform has it (nodeZipInput.ts): a part
 * inflated, or as it is deflated in the input; undefined to have fflate do it.
 */
export interface ZipInput {
  inflated(name: string): Uint8Array | undefined;
  deflated(name: string): DeflatedPart | undefined;
}

/** Parts smaller than this (deflated) are inflated by fflate: a faster inflate saves nothing on them. */
const FAST_INFLATE_MIN_BYTES = 1 << 20;

type PartSource =
  | { kind: 'input' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'stream'; write: PartWriter; last: boolean };

export class ZipPackage {
  /** Part names in the order of the input, new parts at the end. */
  private readonly order: string[] = [];
  private readonly sources = new Map<string, PartSource>();
  /** Each input part's size deflated in the file, and inflated (as the file says). */
  private readonly sizes = new Map<string, { deflated: number; inflated: number }>();
  private readonly folders = new Set<string>();
  private readonly lowerNames = new Set<string>();

  private constructor(
    private readonly input: Uint8Array,
    private readonly fast: ZipInput | undefined,
  ) {}

  /** Lists the parts of a zip; throws when it is not one, or claims a part too large to be a workbook's. */
  static open(bytes: Uint8Array, fast?: ZipInput): ZipPackage {
    const pkg = new ZipPackage(bytes, fast);
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (file.originalSize > MAX_PART_BYTES) throw new Error(`Part ${file.name} is too large.`);
        if (file.name.endsWith('/')) pkg.folders.add(file.name);
        else if (!pkg.sources.has(file.name)) {
          pkg.order.push(file.name);
          pkg.lowerNames.add(file.name.toLowerCase());
          pkg.sources.set(file.name, { kind: 'input' });
          pkg.sizes.set(file.name, { deflated: file.size, inflated: file.originalSize });
        }
        return false;
      },
    });
    return pkg;
  }

  names(): string[] {
    return [...this.order];
  }

  /** True when a part has this name, in any case (zip readers may not tell `Sheet1.xml` from `sheet1.xml`). */
  hasNameInAnyCase(name: string): boolean {
    return this.lowerNames.has(name.toLowerCase());
  }

  private addName(name: string): void {
    this.order.push(name);
    this.lowerNames.add(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  /** A part's bytes as they now stand; undefined when there is no such part. */
  bytes(name: string): Uint8Array | undefined {
    const source = this.sources.get(name);
    if (!source) return undefined;
    if (source.kind === 'bytes') return source.bytes;
    if (source.kind === 'stream') {
      const chunks: Uint8Array[] = [];
      source.write((piece) => chunks.push(typeof piece === 'string' ? strToU8(piece) : piece));
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      this.sources.set(name, { kind: 'bytes', bytes });
      return bytes;
    }
    return this.inputBytes(name);
  }

  /** A part's size inflated, as the input file gives it (0 for a part the input does not have). */
  inflatedSize(name: string): number {
    return this.sizes.get(name)?.inflated ?? 0;
  }

  /** A part as the input file has it, whatever was set in its place since. */
  inputBytes(name: string): Uint8Array {
    const inflated = this.fast && (this.sizes.get(name)?.deflated ?? 0) >= FAST_INFLATE_MIN_BYTES ? this.fast.inflated(name) : undefined;
    if (inflated) return inflated;
    const found = unzipSync(this.input, { filter: (f) => f.name === name })[name];
    if (!found) throw new Error(`Part ${name} cannot be read.`);
    return found;
  }

  /** A part as text (UTF-8, without a byte order mark). */
  text(name: string): string | undefined {
    const bytes = this.bytes(name);
    if (!bytes) return undefined;
    const text = strFromU8(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** True while the part is the input's own, unchanged. */
  isUnchanged(name: string): boolean {
    return this.sources.get(name)?.kind === 'input';
  }

  set(name: string, content: string | Uint8Array): void {
    if (!this.sources.has(name)) this.addName(name);
    this.sources.set(name, { kind: 'bytes', bytes: typeof content === 'string' ? strToU8(content) : content });
  }

  /** A part whose text is produced when the package is written (a sheet transformed as a stream). */
  setStream(name: string, write: PartWriter, last = false): void {
    if (!this.sources.has(name)) this.addName(name);
    this.sources.set(name, { kind: 'stream', write, last });
  }

  remove(name: string): void {
    if (!this.sources.delete(name)) return;
    this.lowerNames.delete(name.toLowerCase());
    this.order.splice(this.order.indexOf(name), 1);
  }

  /** The package as a zip file. */
  toBytes(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6, deflater?: Deflater): Uint8Array {
    try {
      return this.zipBytes(level, deflater);
    } finally {
      deflater?.close();
    }
  }

  private zipBytes(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, deflater: Deflater | undefined): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failure = error;
      else chunks.push(data);
    });
    for (const folder of this.folders) {
      const entry = new ZipDeflate(folder, { level: 0 });
      zip.add(entry);
      entry.push(new Uint8Array(0), true);
    }
    let scratch: Uint8Array | undefined;
    const last = this.order.filter((n) => {
      const source = this.sources.get(n)!;
      return source.kind === 'stream' && source.last;
    });
    for (const name of [...this.order.filter((n) => !last.includes(n)), ...last]) {
      const source = this.sources.get(name)!;
      // A part the run left as it was goes into the result as the input has it deflated.
      const kept = deflater && source.kind === 'input' ? this.fast?.deflated(name) : undefined;
      if (kept) {
        addKept(zip, name, kept);
        if (failure) throw failure;
        continue;
      }
      const entry = deflater ? new NativeEntry(name, deflater) : new FflateEntry(name, level);
      zip.add(entry.file);
      if (source.kind === 'stream') {
        scratch ??= new Uint8Array(PIECE_BYTES * 2);
        const bytes = new Utf8Pieces(scratch, (piece, lastPiece) => entry.push(piece, lastPiece, true));
        source.write((piece) => bytes.write(piece));
        bytes.end();
      } else {
        entry.push(this.bytes(name)!, true, false);
      }
      if (failure) throw failure;
    }
    deflater?.finish();
    zip.end();
    if (failure) throw failure;
    let length = 0;
    for (const c of chunks) length += c.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Adds a zip entry of data deflated elsewhere: fflate writes the headers around it. */
function addKept(zip: Zip, name: string, part: DeflatedPart): void {
  const file = new ZipPassThrough(name);
  file.compression = 8;
  file.crc = part.crc;
  file.size = part.size;
  zip.add(file);
  file.ondata!(null, part.data as Uint8Array<ArrayBuffer>, true);
}

interface Entry {
  file: ZipInputFile;
  push(data: Uint8Array, last: boolean, owned: boolean): void;
}

class FflateEntry implements Entry {
  readonly file: ZipDeflate;
  constructor(name: string, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9) {
    this.file = new ZipDeflate(name, { level });
  }

  push(data: Uint8Array, last: boolean): void {
    this.file.push(data, last);
  }
}

/** A zip entry deflated by the platform: fflate writes the headers, the deflater the data. */
class NativeEntry implements Entry {
  readonly file: ZipPassThrough;
  private readonly part: { push(piece: Uint8Array, last: boolean, owned: boolean): void };

  constructor(name: string, deflater: Deflater) {
    const file = (this.file = new ZipPassThrough(name));
    file.compression = 8;
    this.part = deflater.part((data, last, crc, size) => {
      if (last) {
        file.crc = crc;
        file.size = size;
      }
      file.ondata!(null, data as Uint8Array<ArrayBuffer>, last);
    });
  }

  push(data: Uint8Array, last: boolean, owned: boolean): void {
    this.part.push(data, last, owned);
  }
}
