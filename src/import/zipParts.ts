/**
 * Reading parts of a zip (a DOCX) in bounded memory: the parts are inflated as a stream with a running count of
 * their size, so a small file that would inflate to gigabytes (a zip bomb) is refused after the first
 * megabytes instead of filling the memory. Uses fflate, the zip library docx itself is built on.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export class ZipTooLarge extends Error {}
export class NotAZip extends Error {}

/** Compressed bytes handed to the inflater at a time: at most about 16 MB come out of one push. */
const STEP = 16 * 1024;

/** The parts whose names `wanted` accepts, refusing once their inflated size passes `maxBytes`. */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, maxBytes: number): Record<string, Uint8Array> {
  const chunks: Record<string, Uint8Array[]> = {};
  let total = 0;
  let over = false;
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const parts: Uint8Array[] = (chunks[file.name] = []);
    file.ondata = (err, data) => {
      if (err) failure = err;
      if (over || err) return;
      total += data.length;
      if (total > maxBytes) {
        over = true;
        file.terminate();
        return;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !over; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (e) {
    throw new NotAZip(e instanceof Error ? e.message : String(e));
  }
  if (over) throw new ZipTooLarge();
  if (failure) throw new NotAZip(failure instanceof Error ? failure.message : String(failure));
  const out: Record<string, Uint8Array> = {};
  for (const [name, parts] of Object.entries(chunks)) {
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      joined.set(p, o);
      o += p.length;
    }
    out[name] = joined;
  }
  return out;
}
