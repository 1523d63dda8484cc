/**
 * The share poster's drawing, on any 2d canvas context (the browser's, or a mini-program's `Canvas type="2d"`, which
 * takes the same calls): the product image on top, then the title, the price, the shop's name and the way in (the
 * share's scannable code, which the server made through the platform's own API with the share id; decision 035).
 */

/** The poster's size in logical pixels (the canvas is this times the device pixel ratio). */
export const POSTER_WIDTH = 300;
export const POSTER_HEIGHT = 460;

export interface PosterData {
  title: string;
  /** ¥128.00, or a range. */
  price: string;
  shopName: string;
  /** What opens the product for another shopper (an H5 address, or the mini-program page path). */
  link: string;
  /** A line under the link: how to open it. */
  hint: string;
}

/** The parts of CanvasRenderingContext2D the poster uses (mini-program contexts have them too). */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

const FONT = '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif';

/** Text broken to lines no wider than `width`, at most `max` lines (the last one ends in … when cut). */
export function wrapText(ctx: Pick<PosterContext, 'measureText'>, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of [...text]) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
      if (lines.length === max) break;
    } else line += ch;
  }
  if (lines.length < max && line) lines.push(line);
  else if (lines.length === max && [...lines.join('')].length < [...text].length) {
    let last = lines[max - 1]!;
    while (last && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    lines[max - 1] = `${last}…`;
  }
  return lines;
}

/** Draws the poster; `image` is the product's loaded image, or null for a placeholder with the title's first character. */
export function drawPoster(ctx: PosterContext, image: unknown, data: PosterData, code: unknown = null): void {
  const W = POSTER_WIDTH;
  const pad = 16;
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, POSTER_HEIGHT);
  // The image, square.
  const side = W - pad * 2;
  if (image) ctx.drawImage(image as never, pad, pad, side, side);
  else {
    ctx.fillStyle = '#f0f0f3';
    ctx.fillRect(pad, pad, side, side);
    ctx.fillStyle = '#c7c7cc';
    ctx.font = `bold 96px ${FONT}`;
    const initial = [...data.title][0] ?? '';
    ctx.fillText(initial, W / 2 - ctx.measureText(initial).width / 2, pad + side / 2 - 52);
  }
  let y = pad + side + 12;
  ctx.fillStyle = '#e4473b';
  ctx.font = `bold 22px ${FONT}`;
  ctx.fillText(data.price, pad, y);
  y += 32;
  ctx.fillStyle = '#1d1d1f';
  ctx.font = `bold 16px ${FONT}`;
  for (const line of wrapText(ctx, data.title, side, 2)) {
    ctx.fillText(line, pad, y);
    y += 22;
  }
  // The foot: the shop, and the way in.
  const foot = POSTER_HEIGHT - 74;
  ctx.fillStyle = '#f5f5f7';
  ctx.fillRect(0, foot - 8, W, POSTER_HEIGHT - foot + 8);
  ctx.fillStyle = '#1d1d1f';
  ctx.font = `bold 13px ${FONT}`;
  ctx.fillText(data.shopName, pad, foot);
  // The code, at the foot's right: scanning it opens the shop through the share.
  const codeSide = 66;
  if (code) ctx.drawImage(code as never, W - pad - codeSide, foot - 4, codeSide, codeSide);
  const textWidth = code ? side - codeSide - 8 : side;
  ctx.fillStyle = '#6e6e73';
  ctx.font = `10px ${FONT}`;
  let line = foot + 20;
  for (const part of wrapText(ctx, data.link, textWidth, 2)) {
    ctx.fillText(part, pad, line);
    line += 14;
  }
  ctx.fillText(data.hint, pad, line + 2);
}
