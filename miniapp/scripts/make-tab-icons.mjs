// Draws the four tab bar icons (81×81 PNG, the size WeChat recommends) as simple line glyphs.
// Run once after changing a glyph: node miniapp/scripts/make-tab-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 0.045;
const COLORS = { '': [0x6b, 0x62, 0x5c], '-on': [0xb9, 0x1c, 0x1c] };

const seg = (ax, ay, bx, by) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
};
const ring =
  (cx, cy, r, keep = () => true) =>
  (x, y) =>
    keep(x, y) ? Math.abs(Math.hypot(x - cx, y - cy) - r) : 9;
const poly = (...points) => points.slice(1).map((p, i) => seg(points[i][0], points[i][1], p[0], p[1]));

const GLYPHS = {
  bulletin: [
    ...poly([0.24, 0.14], [0.64, 0.14], [0.78, 0.28], [0.78, 0.86], [0.24, 0.86], [0.24, 0.14]),
    seg(0.36, 0.4, 0.66, 0.4),
    seg(0.36, 0.54, 0.66, 0.54),
    seg(0.36, 0.68, 0.56, 0.68),
  ],
  submit: [
    ...poly([0.16, 0.56], [0.16, 0.84], [0.84, 0.84], [0.84, 0.56]),
    seg(0.5, 0.16, 0.5, 0.64),
    ...poly([0.32, 0.34], [0.5, 0.16], [0.68, 0.34]),
  ],
  checkin: [ring(0.5, 0.5, 0.34), ...poly([0.34, 0.51], [0.46, 0.63], [0.67, 0.39])],
  me: [ring(0.5, 0.34, 0.17), ring(0.5, 0.98, 0.34, (_x, y) => y < 0.86), seg(0.16, 0.86, 0.84, 0.86)],
};

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(shapes, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  const sub = 4;
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0;
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const x = (px + (sx + 0.5) / sub) / SIZE;
          const y = (py + (sy + 0.5) / sub) / SIZE;
          if (shapes.some((d) => d(x, y) <= STROKE)) hits++;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (sub * sub));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = new URL('../src/assets/tab/', import.meta.url);
for (const [name, shapes] of Object.entries(GLYPHS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    writeFileSync(new URL(`${name}${suffix}.png`, outDir), png(shapes, color));
  }
}
console.log('tab icons written to', outDir.pathname);
