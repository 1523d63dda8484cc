/**
 * Random ids for idempotency keys and the H5 preview's simulated user. Mini-program runtimes have no
 * crypto.getRandomValues everywhere, so this falls back to Math.random; the ids only need to be unique
 * per member, not secret.
 */
export function randomId(bytes = 16): string {
  const out: string[] = [];
  const cryptoObj = typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' ? crypto : null;
  const buf = new Uint8Array(bytes);
  if (cryptoObj) cryptoObj.getRandomValues(buf);
  else for (let i = 0; i < bytes; i++) buf[i] = Math.floor(Math.random() * 256);
  for (let i = 0; i < bytes; i++) out.push((buf[i]! + 0x100).toString(16).slice(1));
  return out.join('');
}
