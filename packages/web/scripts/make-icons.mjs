// Draws the Fellwatch mark (rounded fells and a dry-stone wall) and writes the PWA icons; run once, commit the PNGs.
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';

const out = new URL('../public/', import.meta.url);

/** The mark on a 512-unit canvas: rounded fells in three greens with a dry-stone wall across the nearest. */
function svg({ rounded }) {
  const radius = rounded ? 96 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512" role="img">
  <title>Fellwatch</title>
  <rect width="512" height="512" rx="${radius}" fill="#264d3b"/>
  <path d="M-10 330 C 70 200, 170 170, 250 250 C 300 200, 380 170, 522 270 L522 522 L-10 522 Z" fill="#5f8a70"/>
  <path d="M-10 390 C 110 290, 240 280, 330 330 C 400 300, 470 300, 522 320 L522 522 L-10 522 Z" fill="#9dbfa8"/>
  <path d="M-10 452 C 140 380, 340 390, 522 440 L522 522 L-10 522 Z" fill="#e3ede5"/>
  <path d="M60 425 C 170 385, 300 385, 452 420" fill="none" stroke="#264d3b" stroke-width="10" stroke-linecap="round" stroke-dasharray="22 14"/>
</svg>`;
}

const plain = Buffer.from(svg({ rounded: true }));
// Full-bleed square: the fells reach the edges, so any mask shape crops only landscape.
const square = Buffer.from(svg({ rounded: false }));

await writeFile(new URL('favicon.svg', out), svg({ rounded: true }));
await sharp(plain).resize(192, 192).png().toFile(new URL('icons/icon-192.png', out).pathname);
await sharp(plain).resize(512, 512).png().toFile(new URL('icons/icon-512.png', out).pathname);
await sharp(square).resize(512, 512).png().toFile(new URL('icons/maskable-512.png', out).pathname);
await sharp(square).resize(180, 180).png().toFile(new URL('icons/apple-touch-icon.png', out).pathname);
console.log('icons written');
