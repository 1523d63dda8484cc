import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterData } from './poster-draw';

function loadImage(src: string | null): Promise<HTMLImageElement | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const img = new Image();
    img.crossOrigin = 'anonymous'; // a cross-origin image without CORS would taint the canvas: then the placeholder
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** H5: a canvas element of its own, drawn and read back as a PNG data URL (the canvas id is the mini-programs'). */
export async function renderPoster(_canvasId: string, imageUrl: string | null, data: PosterData, codeUrl: string | null = null): Promise<string> {
  const ratio = Math.min(3, window.devicePixelRatio || 2);
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH * ratio;
  canvas.height = POSTER_HEIGHT * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  const code = await loadImage(codeUrl);
  const draw = (image: HTMLImageElement | null) => {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawPoster(ctx as never, image, data, code);
    return canvas.toDataURL('image/png');
  };
  const image = await loadImage(imageUrl);
  try {
    return draw(image);
  } catch {
    return draw(null); // tainted by the image after all
  }
}

/** H5 has no photo album: the poster downloads as a file (a long press on the image saves it on phones too). */
export async function savePoster(dataUrl: string): Promise<'downloaded'> {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = 'poster.png';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return 'downloaded';
}

/** H5 draws on a canvas element of its own. */
export const NEEDS_CANVAS_ELEMENT = false;
