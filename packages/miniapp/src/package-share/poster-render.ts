import Taro from '@tarojs/taro';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterData } from './poster-draw';

/** The mini-programs' canvas node (Canvas type="2d"), as far as the poster uses it. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D & { scale(x: number, y: number): void };
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null };
  toTempFilePath?(options: { success(res: { tempFilePath?: string; apFilePath?: string }): void; fail(e: unknown): void }): void;
}

function canvasNode(canvasId: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('no canvas node'))));
  });
}

function loadImage(canvas: CanvasNode, src: string | null): Promise<unknown> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null); // the placeholder instead
    img.src = src;
  });
}

/** A temporary file of the canvas: Alipay's node makes it itself; WeChat and Douyin through canvasToTempFilePath. */
function tempFile(canvas: CanvasNode): Promise<string> {
  if (typeof canvas.toTempFilePath === 'function') {
    return new Promise((resolve, reject) => canvas.toTempFilePath!({ success: (r) => resolve(r.tempFilePath ?? r.apFilePath ?? ''), fail: reject }));
  }
  return Taro.canvasToTempFilePath({ canvas: canvas as never } as never).then((r) => r.tempFilePath);
}

/** Draws the poster on the page's Canvas type="2d" and answers the image file to show and save. */
export async function renderPoster(canvasId: string, imageUrl: string | null, data: PosterData, codeUrl: string | null = null): Promise<string> {
  const canvas = await canvasNode(canvasId);
  const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
  canvas.width = POSTER_WIDTH * ratio;
  canvas.height = POSTER_HEIGHT * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  drawPoster(ctx as never, await loadImage(canvas, imageUrl), data, await loadImage(canvas, codeUrl));
  return tempFile(canvas);
}

/** Saves the poster to the photo album (the platform asks the shopper's permission the first time). */
export async function savePoster(filePath: string): Promise<'saved'> {
  await Taro.saveImageToPhotosAlbum({ filePath });
  return 'saved';
}

/** Mini-programs draw on the page's own canvas. */
export const NEEDS_CANVAS_ELEMENT = true;
