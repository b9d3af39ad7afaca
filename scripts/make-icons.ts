/**
 * Draws Greenway's toolbar icons (public/icon/{16,32,48,128}.png): a green disc with a white open
 * padlock — "unlocked". Written as code so the icons can be regenerated without an image editor.
 * Run: node --import tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of a shape at a pixel, 4×4 supersampled for smooth edges. */
function coverage(x: number, y: number, size: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const disc = (u: number, v: number) => (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.49 ** 2;
const body = (u: number, v: number) => u >= 0.3 && u <= 0.7 && v >= 0.47 && v <= 0.77;
// The shackle is an arc open on the right: the lock is unlocked.
const shackle = (u: number, v: number) => {
  const r = Math.hypot(u - 0.5, v - 0.4);
  const ring = r >= 0.09 && r <= 0.15 && v <= 0.4;
  const leftLeg = u >= 0.35 && u <= 0.41 && v > 0.4 && v < 0.48;
  return ring || leftLeg;
};

for (const size of [16, 32, 48, 128]) {
  const image = png(size, (x, y) => {
    const d = coverage(x, y, size, disc);
    const w = coverage(x, y, size, (u, v) => body(u, v) || shackle(u, v));
    const green = [26, 127, 55];
    const rgb = green.map((g) => Math.round(g * (1 - w) + 255 * w));
    return [rgb[0]!, rgb[1]!, rgb[2]!, Math.round(255 * d)];
  });
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), image);
}
console.log('wrote public/icon/{16,32,48,128}.png');
