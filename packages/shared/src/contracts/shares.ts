import { z } from 'zod';
import { rule } from '../issues.js';
import { SHARE_CHANNELS, SHARE_KINDS, SHARE_KINDS_WITH_TARGET } from '../constants/shares.js';
import { Id, IsoInstant, orNull } from './common.js';
import { LoginPlatformSchema } from './auth.js';

export const ShareKindSchema = z.enum(SHARE_KINDS);
export const ShareChannelSchema = z.enum(SHARE_CHANNELS);
/**
 * A share id as a client sends it back: any short string. A forged, unknown or expired one is ignored by the server,
 * never an error; only what is not a short string at all is a 400.
 */
export const ShareIdInput = z.string().max(64).meta({ description: 'a share id the server issued (10 base62 characters)', example: 'a1B2c3D4e5' });

const withTarget = (kind: string) => (SHARE_KINDS_WITH_TARGET as readonly string[]).includes(kind);

/** A member issues a share id before sharing (a card, a poster, a code). Guides' shares are issued for staff. */
export const IssueShareRequest = z
  .object({
    kind: ShareKindSchema.exclude(['guide']),
    targetId: Id.optional().meta({ description: 'the product, coupon template or points-mall item; only for those kinds' }),
    channel: ShareChannelSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (withTarget(v.kind) && v.targetId === undefined)
      ctx.addIssue({ code: 'custom', path: ['targetId'], ...rule('required_for_kind', `required for a ${v.kind} share`, { kind: v.kind }) });
    if (!withTarget(v.kind) && v.targetId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['targetId'], ...rule('not_for_kind', `a ${v.kind} share has no target`, { kind: v.kind }) });
  })
  .meta({ id: 'IssueShareRequest' });

export const ShareIssued = z
  .object({
    shareId: z.string().meta({ example: 'a1B2c3D4e5' }),
    kind: ShareKindSchema,
    targetId: orNull(Id),
    channel: ShareChannelSchema,
    expiresAt: IsoInstant,
  })
  .meta({ id: 'ShareIssued' });

/** A landing: the app opened with a share id (query `s`, or a code's scene). Anonymous or logged in. */
export const RecordLandingRequest = z
  .object({
    shareId: ShareIdInput,
    platform: LoginPlatformSchema.optional().meta({ description: 'the super-app the shopper landed in (h5 sends none)' }),
  })
  .strict()
  .meta({ id: 'RecordLandingRequest' });

export const LandingResult = z
  .object({
    recorded: z.boolean().meta({ description: 'false when the id was unknown, forged or expired (ignored, not an error)' }),
    kind: orNull(ShareKindSchema),
    targetId: orNull(Id),
  })
  .meta({ id: 'LandingResult' });

export type ShareKind = z.output<typeof ShareKindSchema>;
export type ShareChannel = z.output<typeof ShareChannelSchema>;
export type IssueShareRequest = z.input<typeof IssueShareRequest>;
export type ShareIssued = z.output<typeof ShareIssued>;
export type RecordLandingRequest = z.input<typeof RecordLandingRequest>;
export type LandingResult = z.output<typeof LandingResult>;
