/**
 * A DOCX whose one part inflates to `gigabytes` GB of zeros: one 64 MB run of zeros compressed with a full flush
 * (so it stands alone) repeated, then an empty final block. About a megabyte per gigabyte.
 */
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';

export function zipBomb(gigabytes: number, part = 'word/document.xml'): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const repeats = gigabytes * 16;
  const data = Buffer.concat([...Array<Buffer>(repeats).fill(chunk), Buffer.from([0x03, 0x00])]);
  const name = Buffer.from(part);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(Math.min(0xfffffffe, repeats * 64 * 1024 * 1024), 22);
  header.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([header, name, data]));
}
