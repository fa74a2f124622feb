/**
 * Uncompressed sizes of the entries of a zip archive from its central directory, given the
 * archive's last bytes (`tail`) and its whole size; empty when the directory is not in the tail.
 */
export function zipEntrySizes(zip: Buffer, total = zip.length): Map<string, number> {
  const sizes = new Map<string, number>();
  // the end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return sizes;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16) - (total - zip.length);
  if (at < 0) return sizes;
  for (let n = 0; n < count && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; n++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    sizes.set(name, zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return sizes;
}
