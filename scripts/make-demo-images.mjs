#!/usr/bin/env node
// Draws the demo catalog's product images (flat SVG art made for this project: tea tins, cups, snacks, a gaiwan) and
// renders them with headless Chromium to compact JPEGs in packages/api/src/db/seed-assets/ (JPEG: every mini-program
// version shows it; WebP is not safe on all). Run once after changing the art: node scripts/make-demo-images.mjs
// The images are CC0 (see the LICENSE there); the seed stores them in the media store like merchant uploads.
// Banners keep their words and art between x 100 and 660 of 750: a narrow phone's banner frame crops the sides.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'packages/api/src/db/seed-assets');
const require = createRequire(path.join(ROOT, 'packages/miniapp/package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FONT = `font-family="'Noto Sans CJK SC','Noto Serif CJK SC','WenQuanYi Zen Hei',sans-serif"`;
const leaf = (x, y, r, color, s = 1) =>
  `<path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M0 0 C 14 -22, 44 -22, 60 0 C 44 22, 14 22, 0 0 Z" fill="${color}"/><path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M4 0 L 56 0" stroke="#ffffff55" stroke-width="2"/>`;
const bg = (a, b) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="600" height="600" fill="url(#bg)"/>`;
const shadow = (cx, cy, rx) => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${rx * 0.14}" fill="#00000022"/>`;
const label = (x, y, text, color, size = 40) =>
  `<text x="${x}" y="${y}" text-anchor="middle" font-size="${size}" font-weight="700" fill="${color}" ${FONT}>${text}</text>`;

/** A round tea tin with a label band. */
function tin(cx, base, w, h, body, band, text, textColor) {
  const top = base - h;
  return `${shadow(cx, base, w * 0.62)}
  <rect x="${cx - w / 2}" y="${top}" width="${w}" height="${h}" rx="10" fill="${body}"/>
  <ellipse cx="${cx}" cy="${top}" rx="${w / 2}" ry="${w * 0.1}" fill="${body}"/>
  <rect x="${cx - w / 2}" y="${top - 6}" width="${w}" height="34" rx="8" fill="#00000030"/>
  <ellipse cx="${cx}" cy="${top - 6}" rx="${w / 2}" ry="${w * 0.1}" fill="${band}"/>
  <rect x="${cx - w / 2}" y="${top + h * 0.32}" width="${w}" height="${h * 0.42}" fill="${band}"/>
  <rect x="${cx - w / 2 + 12}" y="${top + 40}" width="14" height="${h - 60}" rx="7" fill="#ffffff30"/>
  ${label(cx, top + h * 0.32 + h * 0.27, text, textColor, Math.min(56, w / (text.length + 0.6)))}`;
}

/** A tea cup seen from the side, with tea inside. */
function cup(cx, base, w, color, tea, glass = false) {
  const h = w * 0.8;
  const top = base - h;
  const body = glass ? '#ffffff66' : color;
  return `${shadow(cx, base + 4, w * 0.6)}
  <path d="M${cx - w / 2} ${top} L${cx + w / 2} ${top} L${cx + w * 0.36} ${base} L${cx - w * 0.36} ${base} Z" fill="${body}" stroke="${glass ? '#ffffffaa' : 'none'}" stroke-width="4"/>
  ${glass ? `<path d="M${cx - w * 0.46} ${top + h * 0.22} L${cx + w * 0.46} ${top + h * 0.22} L${cx + w * 0.36} ${base - 4} L${cx - w * 0.36} ${base - 4} Z" fill="${tea}"/>` : ''}
  <ellipse cx="${cx}" cy="${top}" rx="${w / 2}" ry="${w * 0.09}" fill="${glass ? '#ffffff88' : '#00000022'}"/>
  <ellipse cx="${cx}" cy="${top + 3}" rx="${w / 2 - 8}" ry="${w * 0.07}" fill="${tea}"/>`;
}

/** A 盖碗: saucer, bowl and lid. */
function gaiwan(cx, base, w, glaze, dark) {
  return `${shadow(cx, base + 6, w * 0.7)}
  <ellipse cx="${cx}" cy="${base}" rx="${w * 0.62}" ry="${w * 0.12}" fill="${dark}"/>
  <ellipse cx="${cx}" cy="${base - 8}" rx="${w * 0.6}" ry="${w * 0.11}" fill="${glaze}"/>
  <path d="M${cx - w / 2} ${base - w * 0.55} Q ${cx - w * 0.48} ${base - 10}, ${cx} ${base - 12} Q ${cx + w * 0.48} ${base - 10}, ${cx + w / 2} ${base - w * 0.55} Z" fill="${glaze}"/>
  <path d="M${cx - w * 0.54} ${base - w * 0.55} Q ${cx} ${base - w * 0.95}, ${cx + w * 0.54} ${base - w * 0.55} Z" fill="${glaze}"/>
  <ellipse cx="${cx}" cy="${base - w * 0.55}" rx="${w * 0.55}" ry="${w * 0.07}" fill="${dark}"/>
  <ellipse cx="${cx}" cy="${base - w * 0.8}" rx="${w * 0.08}" ry="${w * 0.04}" fill="${dark}"/>
  <rect x="${cx - w * 0.05}" y="${base - w * 0.8}" width="${w * 0.1}" height="${w * 0.06}" fill="${dark}"/>
  <path d="M${cx - w * 0.3} ${base - w * 0.4} q 30 -14 50 6 M${cx + w * 0.05} ${base - w * 0.3} q 24 -10 44 4" stroke="${dark}" stroke-width="2" fill="none" opacity="0.5"/>`;
}

/** A gift box with a ribbon. */
function box(cx, base, w, h, body, ribbon, text) {
  const top = base - h;
  return `${shadow(cx, base, w * 0.6)}
  <rect x="${cx - w / 2}" y="${top}" width="${w}" height="${h}" rx="8" fill="${body}"/>
  <rect x="${cx - w / 2 - 8}" y="${top - 6}" width="${w + 16}" height="${h * 0.22}" rx="8" fill="${body}" stroke="#00000022" stroke-width="3"/>
  <rect x="${cx - 14}" y="${top - 6}" width="28" height="${h + 6}" fill="${ribbon}"/>
  <path d="M${cx} ${top - 6} q -50 -50 -70 -10 q 20 20 70 10 q 50 -50 70 -10 q -20 20 -70 10" fill="${ribbon}"/>
  ${text ? label(cx, top + h * 0.68, text, '#ffffff', 44) : ''}`;
}

const nut = (x, y, s, c) =>
  `<ellipse cx="${x}" cy="${y}" rx="${16 * s}" ry="${11 * s}" fill="${c}"/><ellipse cx="${x - 4 * s}" cy="${y - 3 * s}" rx="${6 * s}" ry="${3 * s}" fill="#ffffff40"/>`;
const walnut = (x, y, s) =>
  `<circle cx="${x}" cy="${y}" r="${30 * s}" fill="#a0703d"/><path d="M${x - 20 * s} ${y - 10 * s} q 10 10 0 20 M${x} ${y - 28 * s} L${x} ${y + 28 * s} M${x + 18 * s} ${y - 12 * s} q -10 10 0 22" stroke="#6e4622" stroke-width="${3 * s}" fill="none"/>`;
const packet = (x, y, c, text) =>
  `<g transform="translate(${x} ${y})"><rect x="-55" y="-80" width="110" height="160" rx="10" fill="${c}"/><rect x="-55" y="-80" width="110" height="18" fill="#00000025"/>${label(0, 18, text, '#fff', 30)}</g>`;

const PRODUCTS = {
  longjing: (v) =>
    `${bg(v ? '#eef5e6' : '#f4f1e6', v ? '#cfe3bd' : '#dfe8cf')}
  ${leaf(90, 120, -30, '#7fae5a')}${leaf(470, 90, 20, '#94bf6c', 1.2)}${leaf(500, 420, -150, '#7fae5a')}
  ${tin(v ? 300 : 250, 470, v ? 230 : 180, v ? 300 : 270, '#2f6b3b', '#f3ead2', '龙井', '#2f6b3b')}
  ${v ? '' : box(440, 470, 170, 150, '#b8863b', '#2f6b3b', '')}
  ${leaf(150, 500, -10, '#6d9b4a', 0.8)}${leaf(190, 520, 15, '#88b860', 0.7)}`,
  biluochun: (v) =>
    `${bg('#eaf4f1', v ? '#bfe0d6' : '#cfe6df')}
  ${leaf(80, 100, -40, '#8cc07a')}${leaf(490, 130, 30, '#a5cf8d')}
  ${cup(v ? 300 : 260, 470, v ? 260 : 220, '#fff', '#cde39a', true)}
  ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${(v ? 250 : 210) + i * 24}" cy="${v ? 330 : 350}" r="9" fill="#7ea85a"/>`).join('')}
  ${v ? '' : tin(460, 480, 130, 180, '#5d9a78', '#f6f1e2', '碧螺春', '#3f7a5a')}`,
  zhengshan: (v) =>
    `${bg('#f7ece4', v ? '#e2c2ad' : '#ecd2c0')}
  <path d="M0 420 L120 300 L220 380 L340 240 L460 360 L600 280 L600 600 L0 600 Z" fill="#c99a80" opacity="0.5"/>
  ${tin(v ? 300 : 230, 500, v ? 230 : 180, v ? 300 : 260, '#8e2f22', '#f2dcc2', '小种', '#8e2f22')}
  ${v ? '' : cup(440, 500, 170, '#f6efe6', '#a0431f')}`,
  tieguanyin: (v) =>
    `${bg('#eef2e8', v ? '#d0dcc0' : '#dbe4cf')}
  ${shadow(300, 470, 220)}
  <ellipse cx="300" cy="440" rx="220" ry="60" fill="#e9e0cc"/><ellipse cx="300" cy="430" rx="200" ry="48" fill="#f7f1e3"/>
  ${Array.from({ length: v ? 22 : 14 }, (_, i) => {
    const a = (i / (v ? 22 : 14)) * Math.PI * 2;
    const r = 60 + (i % 3) * 40;
    return `<circle cx="${300 + Math.cos(a) * r}" cy="${425 + Math.sin(a) * r * 0.25}" r="${14 + (i % 2) * 4}" fill="${i % 2 ? '#3f5e2e' : '#56773c'}"/>`;
  }).join('')}
  ${v ? '' : tin(300, 330, 150, 200, '#4d6b3a', '#efe6cc', '观音', '#4d6b3a')}`,
  nuts: (v) =>
    `${bg('#fbf3e3', v ? '#f0d9a8' : '#f3e2bc')}
  ${packet(v ? 300 : 190, 330, '#d9822b', '坚果')}${v ? '' : packet(330, 320, '#6a9f3c', '每日')}${v ? '' : packet(460, 340, '#b9473a', '果干')}
  ${nut(160, 500, 1.4, '#c8945a')}${nut(220, 520, 1.3, '#a86f3a')}${nut(290, 505, 1.5, '#dcb07a')}${nut(360, 525, 1.2, '#7a3f2a')}${nut(430, 505, 1.4, '#c8945a')}${nut(480, 530, 1.1, '#b03a3a')}`,
  walnut: (v) =>
    `${bg('#f6efe4', v ? '#dcc6a6' : '#e8d8c0')}
  ${shadow(300, 480, 220)}
  <path d="M90 360 Q 300 560 510 360 Z" fill="#5b3a22"/><ellipse cx="300" cy="360" rx="210" ry="40" fill="#7a5234"/>
  ${walnut(220, 345, 1.1)}${walnut(300, 330, 1.2)}${walnut(380, 348, 1.1)}${walnut(260, 300, 1)}${walnut(345, 295, 1)}
  ${v ? `${walnut(150, 520, 1.2)}${walnut(450, 520, 1.1)}` : ''}`,
  jerky: (v) =>
    `${bg('#f8ede6', v ? '#e6c4b4' : '#eed3c6')}
  <rect x="90" y="250" width="420" height="270" rx="14" fill="#e9d8b8" transform="rotate(-4 300 385)"/>
  ${Array.from({ length: 7 }, (_, i) => `<rect x="${130 + (i % 4) * 90}" y="${290 + Math.floor(i / 4) * 100}" width="${70 + (i % 3) * 10}" height="34" rx="10" fill="${i % 2 ? '#7b2f1f' : '#8f3b26'}" transform="rotate(${(i % 3) * 12 - 12} ${160 + (i % 4) * 90} ${305 + Math.floor(i / 4) * 100})"/>`).join('')}
  ${v ? '' : `<path d="M430 120 q 20 -40 40 0 q -20 50 -40 0" fill="#c0392b"/><path d="M470 140 q 20 -40 40 0 q -20 50 -40 0" fill="#d35400"/>`}`,
  osmanthus: (v) =>
    `${bg('#fff8e6', v ? '#f7dfa3' : '#fbe9bd')}
  ${v ? '' : box(300, 330, 300, 160, '#c0392b', '#f1c40f', '桂花糕')}
  ${shadow(300, 530, 220)}
  ${[0, 1, 2].map((i) => `<rect x="${140 + i * 110}" y="${v ? 330 : 420}" width="96" height="${v ? 150 : 96}" rx="10" fill="#f9efd2" stroke="#e8cf8c" stroke-width="4"/>${[0, 1, 2].map((j) => `<circle cx="${168 + i * 110 + j * 20}" cy="${(v ? 350 : 440) + j * 8}" r="6" fill="#f0a500"/>`).join('')}`).join('')}
  ${Array.from({ length: 10 }, (_, i) => `<circle cx="${60 + i * 55}" cy="${v ? 150 + (i % 3) * 30 : 560 - (i % 2) * 12}" r="7" fill="#f5b400"/>`).join('')}`,
  gaiwan: (v) =>
    `${bg(v ? '#eef3f2' : '#f2f4f0', v ? '#c9d9d6' : '#d8e2dc')}${gaiwan(300, 470, v ? 300 : 260, v ? '#f1efe6' : '#a8c8c0', v ? '#c9c3b2' : '#7fa49a')}`,
};

const BANNERS = {
  'banner-newtea': `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#2f6b3b"/><stop offset="1" stop-color="#6e9f4e"/></linearGradient></defs><rect width="750" height="300" fill="url(#bg)"/>
  ${leaf(560, 60, 20, '#a8d08a', 1.3)}${leaf(640, 220, -140, '#a8d08a', 1.1)}
  <g transform="translate(150 -160)">${tin(430, 420, 150, 200, '#f3ead2', '#2f6b3b', '龙井', '#f3ead2')}</g>
  <text x="100" y="135" font-size="54" font-weight="700" fill="#fff" ${FONT}>明前新茶上市</text>
  <text x="100" y="196" font-size="28" fill="#e8f3dc" ${FONT}>狮峰龙井 · 碧螺春</text>`,
  'banner-snacks': `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#b9473a"/><stop offset="1" stop-color="#e0873a"/></linearGradient></defs><rect width="750" height="300" fill="url(#bg)"/>
  ${[0, 1, 2].map((i) => `<rect x="${480 + i * 60}" y="${150 - i * 8}" width="50" height="50" rx="8" fill="#f9efd2"/><circle cx="${505 + i * 60}" cy="${170 - i * 8}" r="6" fill="#f0a500"/>`).join('')}
  ${nut(520, 250, 1.4, '#f3d9a4')}${nut(580, 245, 1.3, '#d9a15a')}${nut(640, 252, 1.4, '#f3d9a4')}
  <text x="100" y="135" font-size="54" font-weight="700" fill="#fff" ${FONT}>茶点配好茶</text>
  <text x="100" y="196" font-size="28" fill="#fde8d2" ${FONT}>桂花糕 · 坚果 · 牛肉干</text>`,
};

const jobs = [];
for (const [name, draw] of Object.entries(PRODUCTS)) {
  jobs.push({ file: `${name}-1.jpg`, w: 600, h: 600, svg: draw(false) });
  jobs.push({ file: `${name}-2.jpg`, w: 600, h: 600, svg: draw(true) });
}
for (const [name, svg] of Object.entries(BANNERS)) jobs.push({ file: `${name}.jpg`, w: 750, h: 300, svg });

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  let total = 0;
  for (const job of jobs) {
    await page.setViewportSize({ width: job.w, height: job.h });
    await page.setContent(
      `<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="${job.w}" height="${job.h}" viewBox="0 0 ${job.w} ${job.h}">${job.svg}</svg></body></html>`,
    );
    const bytes = await page.screenshot({ type: 'jpeg', quality: 78, clip: { x: 0, y: 0, width: job.w, height: job.h } });
    fs.writeFileSync(path.join(OUT, job.file), bytes);
    total += bytes.length;
    console.log(`${job.file.padEnd(24)} ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  console.log(`${jobs.length} images, ${(total / 1024).toFixed(1)} KB in ${path.relative(ROOT, OUT)}`);
} finally {
  await browser.close();
}
