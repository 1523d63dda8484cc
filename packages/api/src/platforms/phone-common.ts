/** Pieces the three phone-number adapters share (docs/platform-protocols.md, "Phone number"). Pure, no I/O. */
import { createDecipheriv } from 'node:crypto';
import { AppError } from '../lib/app-error.js';
import type { PhoneProof, PlatformPhoneNumber } from './types.js';

/** A proof that is not what the platform's button gives (forged, tampered, reused, another app's). */
export function proofInvalid(message: string, field: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('PHONE_PROOF_INVALID', message, { field, ...details });
}

/** The proof of the expected platform, or a 400 naming the field that platform's proof needs. */
export function proofFor<P extends PhoneProof['platform']>(proof: PhoneProof, platform: P): Extract<PhoneProof, { platform: P }> {
  if (proof.platform !== platform) {
    const field = platform === 'weapp' ? 'code' : platform === 'alipay' ? 'response' : 'encryptedData';
    throw new AppError('VALIDATION_FAILED', `a ${platform} phone proof is needed`, {
      issues: [{ field, code: 'required_for_platform', message: 'required', params: { platform } }],
    });
  }
  return proof as Extract<PhoneProof, { platform: P }>;
}

/**
 * The number as the platform gave it, checked: digits only (a leading + and spaces dropped from the country code),
 * 5 to 15 digits (E.164), country code 1 to 4 digits. Anything else is the platform answering nonsense.
 */
export function platformPhone(platform: string, countryCode: unknown, number: unknown): PlatformPhoneNumber {
  const cc = typeof countryCode === 'string' || typeof countryCode === 'number' ? String(countryCode).replace(/^\+/, '').trim() : '';
  const n = typeof number === 'string' ? number.trim() : '';
  if (!/^\d{1,4}$/.test(cc) || !/^\d{5,15}$/.test(n)) {
    throw new AppError('PLATFORM_UNAVAILABLE', `${platform} answered a phone number we cannot read`);
  }
  return { countryCode: cc, number: n };
}

/** Strict base64 (standard alphabet, padding optional); null for anything else. */
export function decodeBase64(text: string): Buffer | null {
  const t = text.trim();
  if (t.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  const bytes = Buffer.from(t, 'base64');
  return bytes.length > 0 ? bytes : null;
}

/** AES-128-CBC with PKCS#7 padding; null when the key does not fit the data (padding or length wrong). */
export function aes128CbcDecrypt(ciphertext: Buffer, key: Buffer, iv: Buffer): string | null {
  if (key.length !== 16 || iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
