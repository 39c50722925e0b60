// Writes images/icon.png (128x128 RGBA): a teal rounded square with a white ring and dot
// ("O" for Oncoterm). Pure Node (zlib); 4x4 supersampling for smooth edges.
// Usage: node scripts/make-icon.mjs [OUT]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const OUT = process.argv[2] ?? 'images/icon.png';
const BG = [0x1f, 0x6f, 0x78];
const FG = [0xff, 0xff, 0xff];
const ACCENT = [0xb3, 0x9d, 0xdb]; // lavender: the all-cancers awareness colour

/** Colour (or null for transparent) at a point in 0..128 coordinates. */
function shade(x, y) {
  const r = 26; // corner radius
  const cx = Math.min(Math.max(x, r), SIZE - r), cy = Math.min(Math.max(y, r), SIZE - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const d = Math.hypot(x - 64, y - 64);
  if (d >= 30 && d <= 44) return FG;
  if (d <= 12) return ACCENT;
  return BG;
}

const S = 4;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let rr = 0, gg = 0, bb = 0, aa = 0;
    for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
      const c = shade(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
      if (c) { rr += c[0]; gg += c[1]; bb += c[2]; aa++; }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = aa ? Math.round(rr / aa) : 0;
    raw[o + 1] = aa ? Math.round(gg / aa) : 0;
    raw[o + 2] = aa ? Math.round(bb / aa) : 0;
    raw[o + 3] = Math.round((255 * aa) / (S * S));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(OUT, png);
console.log(`${OUT}: ${SIZE}x${SIZE} PNG, ${png.length} bytes`);
