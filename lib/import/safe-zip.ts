import { Inflate } from "fflate";
import { ImportRefusal } from "./refusal";

/**
 * Reads a zip (an .xlsx is one) without trusting it: the central directory
 * is scanned first (entry count, declared sizes, compression ratio) before
 * anything is decompressed, and each entry is then inflated in small slices
 * that stop as soon as it grows past what it declared. A decompression bomb
 * costs at most the caps below, never the memory it asks for.
 */
export const ZIP_LIMITS = {
  /** Entries: a workbook of the largest plan (50 forests, a Rights sheet each) holds about 120. */
  entries: 400,
  /** Uncompressed bytes of all entries together. */
  totalBytes: 40_000_000,
  /** Uncompressed bytes of one entry. */
  entryBytes: 20_000_000,
  /** Uncompressed / compressed, per entry: spreadsheet XML compresses about 10–30 to 1; a bomb by thousands. */
  ratio: 200,
} as const;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

const notAZip = () => new ImportRefusal("The file is not a workbook the planner exported: it is not a valid .xlsx (zip) file.");

/** The central directory's entries, read from its end record: nothing is decompressed here. */
export function scanZip(bytes: Uint8Array, limits = ZIP_LIMITS): ZipEntryInfo[] {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notAZip();
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ImportRefusal("The workbook uses ZIP64, which no exported workbook does: export it again from the planner.");
  if (count > limits.entries) throw new ImportRefusal(`The workbook holds ${count} parts; an exported workbook holds far fewer than ${limits.entries}. Export it again from the planner.`);
  if (directoryOffset + directorySize > end) throw notAZip();
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) throw notAZip();
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntryInfo = {
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localHeaderOffset: u32(bytes, at + 42),
    };
    if (entry.method !== 0 && entry.method !== 8) throw new ImportRefusal(`The workbook's part ${entry.name} is compressed in a way exported workbooks never are: export it again from the planner.`);
    if (entry.declaredSize > limits.entryBytes) throw new ImportRefusal(`The workbook's part ${entry.name} would be ${entry.declaredSize.toLocaleString("en")} bytes: far more than any exported workbook. It was not read.`);
    if (entry.declaredSize > Math.max(entry.compressedSize, 1_000) * limits.ratio) {
      throw new ImportRefusal(`The workbook's part ${entry.name} expands ${Math.round(entry.declaredSize / Math.max(entry.compressedSize, 1))} times: no exported workbook does. It was not read.`);
    }
    total += entry.declaredSize;
    if (total > limits.totalBytes) throw new ImportRefusal(`The workbook would be more than ${limits.totalBytes.toLocaleString("en")} bytes once unpacked: far more than any exported workbook. It was not read.`);
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** One entry's bytes, inflated 16 KB of input at a time and stopped as soon as it outgrows its declared size. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw notAZip();
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw notAZip();
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.declaredSize) throw notAZip();
    return data.slice();
  }
  const out = new Uint8Array(entry.declaredSize);
  let size = 0;
  const lying = () => new ImportRefusal(`The workbook's part ${entry.name} holds more than it declares: it is not a workbook the planner exported. It was not read.`);
  const inflater = new Inflate((chunk) => {
    if (size + chunk.length > entry.declaredSize) throw lying();
    out.set(chunk, size);
    size += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length; offset += 16_384) inflater.push(data.subarray(offset, offset + 16_384), offset + 16_384 >= data.length);
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw notAZip();
  }
  if (size !== entry.declaredSize) throw lying();
  return out;
}

/** Every entry of the zip, checked as above, by name. */
export function readZipSafely(bytes: Uint8Array, limits = ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = scanZip(bytes, limits);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (files.has(entry.name)) throw new ImportRefusal(`The workbook holds two parts named ${entry.name}: it is not a workbook the planner exported.`);
    if (entry.name.endsWith("/")) continue;
    files.set(entry.name, inflateEntry(bytes, entry));
  }
  return files;
}
