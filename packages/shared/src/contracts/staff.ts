import { z } from 'zod';
import { rule } from '../issues.js';
import { StaffProfile, StaffRole } from './auth.js';
import { Id, IsoInstant } from './common.js';

/** The console logs in with the same credentials as API clients, but the session travels in an httpOnly cookie. */
export const ConsoleLoginResponse = z
  .object({
    expiresAt: IsoInstant,
    staff: StaffProfile,
    csrfToken: z.string().meta({ description: 'also set as the readable siyu_csrf cookie; echo it in X-CSRF-Token on every mutating request' }),
  })
  .meta({ id: 'ConsoleLoginResponse' });

/** `GET /merchant/me`: who is logged in, and the merchant's time zone (times are shown in it). */
export const MerchantMe = z.object({ staff: StaffProfile, timeZone: z.string(), businessDate: z.string() }).meta({ id: 'MerchantMe' });

export const StaffUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'must be 3-32 letters, digits, _ . -');
export const StaffPassword = z.string().min(8, 'must be at least 8 characters').max(128);
const DisplayName = z.string().trim().min(1).max(30);

export const StaffMember = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: StaffRole,
    disabled: z.boolean(),
    createdAt: IsoInstant,
    disabledAt: IsoInstant.nullable(),
  })
  .meta({ id: 'StaffMember' });
export const StaffList = z.object({ items: z.array(StaffMember) }).meta({ id: 'StaffList' });

export const NewStaffMember = z
  .object({ username: StaffUsername, displayName: DisplayName, role: StaffRole, password: StaffPassword })
  .strict()
  .meta({ id: 'NewStaffMember' });

export const UpdateStaffMember = z
  .object({
    displayName: DisplayName.optional(),
    role: StaffRole.optional(),
    disabled: z.boolean().optional().meta({ description: 'true disables the account and ends its sessions; false enables it again' }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, rule('either_or', 'send at least one of displayName, role, disabled'))
  .meta({ id: 'UpdateStaffMember' });

export const ResetStaffPassword = z.object({ password: StaffPassword }).strict().meta({ id: 'ResetStaffPassword' });

export type ConsoleLoginResponse = z.output<typeof ConsoleLoginResponse>;
export type MerchantMe = z.output<typeof MerchantMe>;
export type StaffMember = z.output<typeof StaffMember>;
export type StaffList = z.output<typeof StaffList>;
export type NewStaffMember = z.output<typeof NewStaffMember>;
export type UpdateStaffMember = z.output<typeof UpdateStaffMember>;
export type ResetStaffPassword = z.output<typeof ResetStaffPassword>;
