import { z } from 'zod';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { PageQuery, pageOf } from './catalog.js';
import { decimalInteger, Id, IsoInstant, orNull } from './common.js';

/**
 * Messages (docs/decisions/044-messages-and-the-inbox.md): the kinds a member can be sent, the in-app inbox (站内信),
 * subscription consents per platform template (docs/protocols/subscription-messages.md) and the merchant's templates.
 */
export const MESSAGE_KINDS = [
  'order_shipped',
  'refund_result',
  'points_expiring',
  'coupon_expiring',
  'check_in_reminder',
  'redemption_shipped',
  'member_card_expiring',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MessageKindSchema = z.enum(MESSAGE_KINDS);

/** The moments the mini-program asks for subscriptions, and which kinds each asks for. */
export const SUBSCRIBE_MOMENTS = {
  after_pay: ['order_shipped', 'refund_result'],
  after_check_in: ['check_in_reminder', 'points_expiring'],
  coupon_claim: ['coupon_expiring'],
  redemption: ['redemption_shipped'],
  member_card: ['member_card_expiring'],
} as const satisfies Record<string, readonly MessageKind[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;
export const SubscribeMomentSchema = z.enum(Object.keys(SUBSCRIBE_MOMENTS) as [SubscribeMoment, ...SubscribeMoment[]]);

/** What a platform's prompt answers per template (WeChat's four; Alipay and Douyin map onto them). */
export const CONSENT_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

export const MESSAGE_DELIVERIES = ['pending', 'sending', 'sent', 'inbox_only', 'refused', 'failed', 'unknown'] as const;
export type MessageDeliveryState = (typeof MESSAGE_DELIVERIES)[number];

const PlatformSchema = z.enum(LOGIN_PLATFORMS);
const TemplateId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const InboxMessage = z
  .object({
    id: Id,
    kind: MessageKindSchema,
    title: z.string(),
    body: z.string(),
    page: orNull(z.string()).meta({ description: 'the mini-program page the message opens, with its query' }),
    createdAt: IsoInstant,
    readAt: orNull(IsoInstant),
  })
  .meta({ id: 'InboxMessage' });
export const InboxQuery = PageQuery;
export const InboxPage = pageOf(InboxMessage)
  .extend({ unread: z.number().int().min(0) })
  .meta({ id: 'InboxPage' });
export const UnreadCount = z.object({ unread: z.number().int().min(0) }).meta({ id: 'UnreadCount' });
export const MessageIdParam = z.object({ id: decimalInteger(1) });

export const SubscriptionQuery = z.object({ platform: PlatformSchema, moment: SubscribeMomentSchema });
export const SubscriptionAsk = z
  .object({
    platform: PlatformSchema,
    moment: SubscribeMomentSchema,
    templateIds: z.array(z.string()).max(3).meta({ description: 'pass to requestSubscribeMessage; empty: do not ask' }),
    kinds: z.array(MessageKindSchema),
  })
  .meta({ id: 'SubscriptionAsk' });

export const RecordConsentsRequest = z
  .object({
    platform: PlatformSchema,
    results: z
      .record(TemplateId, z.enum(CONSENT_ANSWERS))
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, 'one to three template ids'),
  })
  .meta({ id: 'RecordConsentsRequest' });
export const Consent = z
  .object({
    id: Id,
    platform: PlatformSchema,
    templateId: z.string(),
    answer: z.enum(CONSENT_ANSWERS),
    askedAt: IsoInstant,
    usedAt: orNull(IsoInstant),
  })
  .meta({ id: 'Consent' });
export const ConsentList = z.object({ items: z.array(Consent), unusedAccepts: z.number().int().min(0) }).meta({ id: 'ConsentList' });

export const MessagePreferences = z.object({ checkInReminder: z.boolean() }).meta({ id: 'MessagePreferences' });

/** `fields`: the platform template's field names → the kind's data keys (e.g. `{ "thing1": "productName" }`). */
export const TemplateFields = z
  .record(z.string().trim().min(1).max(40), z.string().min(1).max(40))
  .refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 10, 'one to ten fields');
export const MessageTemplate = z
  .object({
    platform: PlatformSchema,
    kind: MessageKindSchema,
    templateId: z.string(),
    fields: z.record(z.string(), z.string()),
    page: orNull(z.string()),
    updatedAt: IsoInstant,
  })
  .meta({ id: 'MessageTemplate' });
export const MessageTemplateList = z
  .object({
    items: z.array(MessageTemplate),
    dataKeys: z.record(MessageKindSchema, z.array(z.string())).meta({ description: 'per kind, the data keys a template field can take' }),
  })
  .meta({ id: 'MessageTemplateList' });
export const MessageTemplateParams = z.object({ platform: PlatformSchema, kind: MessageKindSchema });
export const PutMessageTemplateRequest = z
  .object({
    templateId: TemplateId,
    fields: TemplateFields,
    page: z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9_\-/?=&.]*$/, 'a mini-program page path with its query')
      .nullable()
      .optional(),
  })
  .meta({ id: 'PutMessageTemplateRequest' });

export const SentMessage = z
  .object({
    id: Id,
    memberId: Id,
    kind: MessageKindSchema,
    title: z.string(),
    createdAt: IsoInstant,
    readAt: orNull(IsoInstant),
    delivery: z.enum(MESSAGE_DELIVERIES),
    platform: orNull(PlatformSchema),
    templateId: orNull(z.string()),
    attempts: z.number().int(),
    deliveredAt: orNull(IsoInstant),
    deliveryCode: orNull(z.string()).meta({ description: "why it went no further: no_consent, no_template, or the platform's code" }),
    deliveryDetail: orNull(z.string()),
  })
  .meta({ id: 'SentMessage' });
export const SentMessageQuery = PageQuery.extend({
  delivery: z.enum(MESSAGE_DELIVERIES).optional(),
  kind: MessageKindSchema.optional(),
  memberId: decimalInteger(1).optional(),
});
export const SentMessagePage = pageOf(SentMessage).meta({ id: 'SentMessagePage' });

export type InboxMessage = z.output<typeof InboxMessage>;
export type InboxPage = z.output<typeof InboxPage>;
export type UnreadCount = z.output<typeof UnreadCount>;
export type SubscriptionAsk = z.output<typeof SubscriptionAsk>;
export type RecordConsentsRequest = z.output<typeof RecordConsentsRequest>;
export type Consent = z.output<typeof Consent>;
export type ConsentList = z.output<typeof ConsentList>;
export type MessagePreferences = z.output<typeof MessagePreferences>;
export type MessageTemplate = z.output<typeof MessageTemplate>;
export type MessageTemplateList = z.output<typeof MessageTemplateList>;
export type PutMessageTemplateRequest = z.output<typeof PutMessageTemplateRequest>;
export type SentMessage = z.output<typeof SentMessage>;
export type SentMessagePage = z.output<typeof SentMessagePage>;
