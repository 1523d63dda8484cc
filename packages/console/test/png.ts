import zlib from 'node:zlib';

/** A small real PNG (a warm gradient with a darker square), made here so the tests ship no binary files. */
export function makePng(width = 240, height = 240): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const inSquare = x > width / 4 && x < (width * 3) / 4 && y > height / 4 && y < (height * 3) / 4;
      const i = row + 1 + x * 3;
      raw[i] = inSquare ? 180 : 240 - Math.round((y / height) * 60);
      raw[i + 1] = inSquare ? 60 : 170 - Math.round((x / width) * 50);
      raw[i + 2] = inSquare ? 40 : 90;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
