// Draws Tabula's toolbar icon (a tablet of learned weights: a 3×3 grid of cells of varying
// strength) at each size the manifest names, as PNG files in extension/public/icons/.
// Run it again only when the icon changes: the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const CELLS = [0.95, 0.45, 0.75, 0.3, 0.85, 0.55, 0.65, 0.35, 0.9];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function icon(size) {
  const margin = size * 0.06, gap = Math.max(1, size * 0.06), cell = (size - 2 * margin - 2 * gap) / 3;
  return png(size, (x, y) => {
    const cx = Math.floor((x - margin) / (cell + gap)), cy = Math.floor((y - margin) / (cell + gap));
    const inCell = cx >= 0 && cx < 3 && cy >= 0 && cy < 3
      && x - margin - cx * (cell + gap) < cell && y - margin - cy * (cell + gap) < cell;
    if (!inCell) return [0, 0, 0, 0];
    const strength = CELLS[cy * 3 + cx];
    return [Math.round(40 + 30 * strength), Math.round(90 + 60 * strength), Math.round(160 + 95 * strength), Math.round(120 + 135 * strength)];
  });
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../extension/public/icons/icon-${size}.png`, import.meta.url), icon(size));
