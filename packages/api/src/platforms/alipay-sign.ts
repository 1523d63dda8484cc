/**
 * Alipay OpenAPI 2.0 signing (docs/platform-protocols.md, Alipay): shared by the login adapter, the payment side and the simulator.
 * Pure functions, no I/O.
 */
import { createSign, createVerify } from 'node:crypto';

export type AlipayParams = Record<string, string | number | undefined | null>;

/**
 * The signing content: every parameter but the excluded ones (`sign` for requests; `sign` and `sign_type` for
 * asynchronous notifications), empty values dropped, keys sorted in ASCII order, `k=v` joined by `&`, values raw
 * (never URL-encoded).
 */
export function alipaySignContent(params: AlipayParams, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k))
    .map((k) => [k, params[k]] as const)
    .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** RSA2: SHA256withRSA over the UTF-8 bytes, base64. */
export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

/** RSA2 verification; false (never a throw) for a malformed signature or key. */
export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** Signs a request's parameters; returns a copy with `sign` set. */
export function signAlipayParams<T extends AlipayParams>(params: T, appPrivateKeyPem: string): T & { sign: string } {
  return { ...params, sign: rsa2Sign(alipaySignContent(params), appPrivateKeyPem) };
}

/** Verifies an asynchronous notification's form parameters (decoded values): `sign` and `sign_type` excluded. */
export function verifyAlipayNotification(params: AlipayParams, alipayPublicKeyPem: string): boolean {
  const sign = params.sign;
  if (typeof sign !== 'string' || !sign) return false;
  return rsa2Verify(alipaySignContent(params, ['sign', 'sign_type']), sign, alipayPublicKeyPem);
}

/** `alipay.system.oauth.token` → `alipay_system_oauth_token_response`. */
export function alipayResponseKey(method: string): string {
  return `${method.replaceAll('.', '_')}_response`;
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no daylight saving), as the gateway expects. */
export function alipayTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/**
 * The exact raw text of a top-level member of a JSON object, as it was sent (Alipay signs the `…_response`
 * member's text, so it must never be re-serialised). A small scanner walks the top-level object, so strings
 * containing braces, quotes or the member's name do not confuse it. Returns null when the text is not a JSON
 * object, the member is missing, or the member appears more than once (a duplicate could smuggle a second,
 * unsigned value past a verifier that checks one copy and uses the other).
 */
export function rawJsonMember(text: string, member: string): string | null {
  let i = skipWs(text, 0);
  if (text[i] !== '{') return null;
  i = skipWs(text, i + 1);
  let found: string | null = null;
  if (text[i] === '}') return null;
  for (;;) {
    if (text[i] !== '"') return null;
    const keyEnd = scanString(text, i);
    if (keyEnd < 0) return null;
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return null;
    }
    i = skipWs(text, keyEnd);
    if (text[i] !== ':') return null;
    const valueStart = skipWs(text, i + 1);
    const valueEnd = scanValue(text, valueStart);
    if (valueEnd < 0) return null;
    if (key === member) {
      if (found !== null) return null;
      found = text.slice(valueStart, valueEnd);
    }
    i = skipWs(text, valueEnd);
    if (text[i] === ',') {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === '}') return found;
    return null;
  }
}

function skipWs(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  return i;
}

/** `text[i]` is an opening quote; returns the index just past the closing quote, or -1. */
function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j += 1) {
    const ch = text[j];
    if (ch === '\\') j += 1;
    else if (ch === '"') return j + 1;
  }
  return -1;
}

/** Returns the index just past the JSON value starting at `i`, or -1. */
function scanValue(text: string, i: number): number {
  const open = text[i];
  if (open === undefined) return -1;
  if (open === '"') return scanString(text, i);
  if (open === '{' || open === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j += 1) {
      const ch = text[j];
      if (ch === '"') {
        const end = scanString(text, j);
        if (end < 0) return -1;
        j = end - 1;
      } else if (ch === '{' || ch === '[') depth += 1;
      else if (ch === '}' || ch === ']') {
        depth -= 1;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  // number, true, false, null
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j]!)) j += 1;
  return j > i ? j : -1;
}
