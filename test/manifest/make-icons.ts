/**
 * Draws the add-in's ribbon icons (16, 32, 80 px): a ledger page in the brand colour with white rows
 * and a check mark, anti-aliased by 4×4 supersampling. Run `npx tsx test/manifest/make-icons.ts` and
 * commit addin/public/assets/icon-*.png (Vite copies addin/public/ into the build, so the service
 * serves them at /addin/assets/, where manifest.xml points).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.js';

export const ICON_SIZES = [16, 32, 80] as const;
/** Fluent UI's default brand colour (#0F6CBD), which the task pane uses too. */
const BRAND: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
const WHITE: readonly [number, number, number] = [255, 255, 255];

type Point = readonly [number, number];

function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(p: Point, a: Point, b: Point, halfWidth: number): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2 <= halfWidth * halfWidth;
}

/** The glyph in unit coordinates: the colour at (x, y), or null outside it. */
function glyph(x: number, y: number): readonly [number, number, number] | null {
  if (!inRoundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.16)) return null;
  const rows: [Point, Point][] = [
    [
      [0.22, 0.26],
      [0.78, 0.26],
    ],
    [
      [0.22, 0.41],
      [0.78, 0.41],
    ],
    [
      [0.22, 0.56],
      [0.44, 0.56],
    ],
  ];
  if (rows.some(([a, b]) => nearSegment([x, y], a, b, 0.045))) return WHITE;
  const check: Point[] = [
    [0.46, 0.7],
    [0.58, 0.81],
    [0.8, 0.55],
  ];
  if (nearSegment([x, y], check[0]!, check[1]!, 0.07) || nearSegment([x, y], check[1]!, check[2]!, 0.07)) return WHITE;
  return BRAND;
}

export function drawIcon(size: number): Uint8Array {
  const n = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = glyph((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          sum[0]! += c[0];
          sum[1]! += c[1];
          sum[2]! += c[2];
          sum[3]! += 1;
        }
      }
      const i = (py * size + px) * 4;
      const covered = sum[3] ?? 0;
      if (covered === 0) continue;
      rgba.set([sum[0]! / covered, sum[1]! / covered, sum[2]! / covered, (255 * covered) / (n * n)].map(Math.round), i);
    }
  }
  return rgba;
}

export const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'addin', 'public', 'assets');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const size of ICON_SIZES) {
    const file = join(ASSETS_DIR, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
