// Draws the app icon and the tray icons as PNG files beside this script. They are ours (drawn
// from shapes here, nothing downloaded), deterministic, and committed, so a build needs no
// generation step; run `npx tsx resources/generate-icons.ts` after changing a shape.
//
// - icon.png (1024 px): a teal tile with a white order ticket and an orange "new order" dot.
//   electron-builder derives the Windows .ico and the macOS .icns from it.
// - tray/<state>.png (16 px) and tray/<state>@2x.png (32 px): a coloured disc per state that
//   also differs in shape, so it reads without colour: online (green disc with a tick),
//   paused (amber disc with a pause bar pair), attention (red disc with an exclamation mark).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Coverage of a shape at a point, 0..1, in a 0..1 × 0..1 canvas. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const here = path.dirname(new URL(import.meta.url).pathname);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Renders layers (later ones on top) with 4×4 supersampling, as an RGBA PNG. */
function render(size: number, layers: Layer[]): Buffer {
  const SS = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let color: Rgba = [0, 0, 0, 0];
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick line segment with round ends. */
const stroke =
  (ax: number, ay: number, bx: number, by: number, w: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
  };
/** The ticket's torn bottom edge: a zigzag cut out of a rectangle. */
const ticket: Shape = (x, y) => {
  if (x < 0.3 || x > 0.7 || y < 0.2) return false;
  const tooth = 0.05;
  const phase = ((x - 0.3) % (2 * tooth)) / tooth;
  const edge = 0.78 + 0.035 * (phase < 1 ? phase : 2 - phase);
  return y <= edge && roundedRect(0.3, 0.2, 0.7, 0.9, 0.03)(x, y);
};

const WHITE: Rgba = [255, 255, 255, 1];
const TEAL: Rgba = [15, 118, 110, 1];
const INK: Rgba = [19, 78, 74, 1];

const appIcon: Layer[] = [
  { shape: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), color: TEAL },
  { shape: ticket, color: WHITE },
  { shape: stroke(0.37, 0.32, 0.63, 0.32, 0.045), color: INK },
  { shape: stroke(0.37, 0.44, 0.63, 0.44, 0.035), color: INK },
  { shape: stroke(0.37, 0.54, 0.55, 0.54, 0.035), color: INK },
  { shape: stroke(0.37, 0.64, 0.5, 0.64, 0.035), color: INK },
  { shape: disc(0.74, 0.26, 0.11), color: TEAL },
  { shape: disc(0.74, 0.26, 0.085), color: [249, 115, 22, 1] },
];

const trayIcons: Record<string, Layer[]> = {
  online: [
    { shape: disc(0.5, 0.5, 0.47), color: [22, 163, 74, 1] },
    { shape: stroke(0.28, 0.52, 0.44, 0.68, 0.14), color: WHITE },
    { shape: stroke(0.44, 0.68, 0.73, 0.35, 0.14), color: WHITE },
  ],
  paused: [
    { shape: disc(0.5, 0.5, 0.47), color: [217, 119, 6, 1] },
    { shape: stroke(0.39, 0.3, 0.39, 0.7, 0.14), color: WHITE },
    { shape: stroke(0.61, 0.3, 0.61, 0.7, 0.14), color: WHITE },
  ],
  attention: [
    { shape: disc(0.5, 0.5, 0.47), color: [220, 38, 38, 1] },
    { shape: stroke(0.5, 0.24, 0.5, 0.56, 0.15), color: WHITE },
    { shape: disc(0.5, 0.75, 0.085), color: WHITE },
  ],
};

writeFileSync(path.join(here, 'icon.png'), render(1024, appIcon));
mkdirSync(path.join(here, 'tray'), { recursive: true });
for (const [name, layers] of Object.entries(trayIcons)) {
  writeFileSync(path.join(here, 'tray', `${name}.png`), render(16, layers));
  writeFileSync(path.join(here, 'tray', `${name}@2x.png`), render(32, layers));
}
console.log('wrote resources/icon.png and resources/tray/*.png');
