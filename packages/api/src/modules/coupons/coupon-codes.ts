import { COUPON_CODE_ALPHABET } from '@siyu/shared';
import { randomInt } from 'node:crypto';

/** 16 characters from a 31-letter alphabet without look-alikes: about 79 bits, far beyond guessing under a rate limit. */
const CODE_LENGTH = 16;

/** `count` distinct codes, shown to people as XXXX-XXXX-XXXX-XXXX and stored without the dashes. */
export function generateCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i += 1) code += COUPON_CODE_ALPHABET[randomInt(0, COUPON_CODE_ALPHABET.length)];
    codes.add(code);
  }
  return [...codes];
}

/** What a member typed, as stored: upper case, dashes and spaces dropped; null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!COUPON_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** XXXX-XXXX-XXXX-XXXX, for exports and shoppers. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');
