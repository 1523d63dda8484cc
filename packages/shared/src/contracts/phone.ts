import { z } from 'zod';
import { Id } from './common.js';

/**
 * Binding a phone number through the platform's own phone-number button (docs/platform-protocols.md). The member's
 * session says which platform the proof comes from, and so which fields it must carry:
 * - weapp: `code` from `<button open-type="getPhoneNumber">` (one-time);
 * - alipay: `response`, the JSON text `my.getPhoneNumber()` gave as `res.response` (signed and AES-encrypted);
 * - tt: `encryptedData` and `iv` from `<button open-type="getPhoneNumber">`.
 * Anything else is refused with a 400 naming the field.
 */
export const BindPhoneRequest = z
  .object({
    code: z.string().trim().min(1).max(256).optional().meta({ description: 'weapp: the getPhoneNumber button’s one-time code' }),
    response: z.string().min(1).max(8192).optional().meta({ description: 'alipay: the JSON text my.getPhoneNumber() gave as res.response' }),
    encryptedData: z.string().min(1).max(8192).optional().meta({ description: 'tt: the getPhoneNumber button’s encryptedData (base64)' }),
    iv: z.string().min(1).max(64).optional().meta({ description: 'tt: the getPhoneNumber button’s iv (base64)' }),
  })
  .strict()
  .meta({ id: 'BindPhoneRequest' });
export type BindPhoneRequest = z.infer<typeof BindPhoneRequest>;

export const BindPhoneResult = z
  .object({
    memberId: Id.meta({ description: 'the member the phone now belongs to (the surviving member after a merge)' }),
    phoneMasked: z.string().meta({ description: 'the phone as shown to the member, e.g. 138****5678' }),
    merged: z
      .object({ mergeId: Id, absorbedMemberId: Id })
      .nullable()
      .meta({ description: 'set when the phone belonged to another member, who was merged into this one' }),
  })
  .meta({ id: 'BindPhoneResult' });
export type BindPhoneResult = z.infer<typeof BindPhoneResult>;

/** 138****5678: the first three and last four digits of a mainland number; shorter numbers keep their last four. */
export function maskPhone(phoneNumber: string): string {
  if (phoneNumber.length >= 11) return `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`;
  if (phoneNumber.length > 4) return `${'*'.repeat(phoneNumber.length - 4)}${phoneNumber.slice(-4)}`;
  return '*'.repeat(phoneNumber.length);
}
