/**
 * A small real PNG (8-bit RGB, zlib via node:zlib) for the bench's generated tag screenshots: an
 * element crop drawn as a page background, a card, text-like bars and a little noise (so the
 * image compresses like a screenshot, not like a flat colour). Deterministic for a given seed.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A screenshot-like PNG of `width` x `height`, the element (`focus`) outlined as a card. */
export function screenshotPng(
  width: number,
  height: number,
  focus: { x: number; y: number; width: number; height: number },
  seed: number,
): Buffer {
  const rows: Buffer[] = [];
  let s = seed >>> 0 || 1;
  const noise = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % 7;
  };
  const hue = seed % 3;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const inFocus = x >= focus.x && x < focus.x + focus.width && y >= focus.y && y < focus.y + focus.height;
      const edge =
        inFocus &&
        (x - focus.x < 2 || focus.x + focus.width - x <= 2 || y - focus.y < 2 || focus.y + focus.height - y <= 2);
      // Text-like bars every 14 px, broken into words.
      const text = y % 14 > 8 && y % 14 < 12 && (x * 7 + Math.floor(y / 14) * 13) % 53 < 40 && x % 180 > 12;
      let rgb: [number, number, number] = [246, 244, 240];
      if (text) rgb = [60, 60, 70];
      if (inFocus) rgb = text ? [250, 250, 250] : hue === 0 ? [0, 85, 170] : hue === 1 ? [200, 60, 40] : [30, 130, 90];
      if (edge) rgb = [240, 160, 0];
      const n = noise();
      const o = 1 + x * 3;
      row[o] = Math.min(255, rgb[0] + n);
      row[o + 1] = Math.min(255, rgb[1] + n);
      row[o + 2] = Math.min(255, rgb[2] + n);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
