import { z } from 'zod';
import { GENDERS, STAFF_ROLES } from '../constants/members.js';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { Id, IsoInstant, Points } from './common.js';

export const LoginPlatformSchema = z.enum(LOGIN_PLATFORMS);

export const MemberLoginRequest = z
  .object({
    platform: LoginPlatformSchema,
    code: z.string().trim().min(1).max(256).meta({ description: 'the one-time code from wx.login / my.getAuthCode / tt.login' }),
    shareId: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'the share id the app was opened with (decision 034): a new member is attributed to it; unknown ids are ignored' }),
  })
  .strict()
  .meta({ id: 'MemberLoginRequest' });

export const GenderSchema = z.enum(GENDERS);

export const MemberProfile = z
  .object({
    id: Id,
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    gender: GenderSchema,
    birthday: z.string().nullable().meta({ description: 'YYYY-MM-DD; set once' }),
    birthdayLocked: z.boolean().meta({ description: 'true once the birthday is set: it cannot be changed' }),
    phoneMasked: z.string().nullable().meta({ description: 'the bound phone, masked (138****5678); null when none', example: '138****5678' }),
    pointsBalance: Points,
    platforms: z.array(LoginPlatformSchema),
    createdAt: IsoInstant,
  })
  .meta({ id: 'MemberProfile' });

export const MemberLoginResponse = z
  .object({
    token: z.string(),
    expiresAt: IsoInstant,
    isNewMember: z.boolean(),
    member: MemberProfile,
  })
  .meta({ id: 'MemberLoginResponse' });

export const StaffRole = z.enum(STAFF_ROLES);

export const StaffLoginRequest = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .meta({ id: 'StaffLoginRequest' });

export const StaffProfile = z.object({ id: Id, username: z.string(), displayName: z.string(), role: StaffRole }).meta({ id: 'StaffProfile' });

export const StaffLoginResponse = z.object({ token: z.string(), expiresAt: IsoInstant, staff: StaffProfile }).meta({ id: 'StaffLoginResponse' });

export type LoginPlatformName = z.output<typeof LoginPlatformSchema>;
export type MemberLoginRequest = z.input<typeof MemberLoginRequest>;
export type MemberLoginResponse = z.output<typeof MemberLoginResponse>;
export type MemberProfile = z.output<typeof MemberProfile>;
export type Gender = z.output<typeof GenderSchema>;
export type StaffLoginRequest = z.input<typeof StaffLoginRequest>;
export type StaffLoginResponse = z.output<typeof StaffLoginResponse>;
export type StaffProfile = z.output<typeof StaffProfile>;
export type StaffRole = z.output<typeof StaffRole>;
