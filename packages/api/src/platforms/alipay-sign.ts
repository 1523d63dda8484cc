import { createSign, createVerify } from 'node:crypto';

/** Alipay's signing content: every parameter but `sign`, empty values dropped, keys in ASCII order, `k=v` joined by `&`, values raw. */
export function alipaySignContent(params: Record<string, string | undefined | null>, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** RSA2: SHA256withRSA, base64. */
export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/**
 * The exact raw text of a top-level member of a JSON response (Alipay signs `…_response` as it was sent).
 * Walks the text with a small scanner so strings containing braces do not confuse it.
 */
export function rawJsonMember(text: string, member: string): string | null {
  const keyIndex = text.indexOf(`"${member}"`);
  if (keyIndex < 0) return null;
  let i = text.indexOf(':', keyIndex + member.length + 2);
  if (i < 0) return null;
  i += 1;
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  const start = i;
  const open = text[i];
  if (open !== '{' && open !== '[') return null;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, as Alipay's gateway expects. */
export function alipayTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
