import { z } from 'zod';
import { FenAmount, ImageUrl, PageQuery, pageOf } from './catalog.js';
import { rule } from '../issues.js';
import { Id, IsoInstant, decimalInteger } from './common.js';

/**
 * Stored value (储值, decision 039): a member's balance in two parts, principal (money paid in) and bonus (given by
 * the shop with a top-up), each never below zero and each the sum of the member's append-only ledger. Top-ups are
 * orders of kind `top_up`, paid through the normal pay flow (`POST /api/v1/orders/{orderId}/pay`); the balance pays
 * goods orders (`useBalance` at checkout), alone or with the platform for the rest.
 */
export const WALLET_BONUS_RULES = ['proportional', 'last'] as const;
export const WalletBonusRule = z
  .enum(WALLET_BONUS_RULES)
  .meta({ description: 'how a payment spends bonus: proportional (in the ratio of the two parts) or last (principal first)' });

/** The most one top-up, adjustment or balance may hold: ¥1,000,000.00. */
export const WALLET_MAX_FEN = 100_000_000;
const TopUpFen = z.number().int().min(1).max(WALLET_MAX_FEN).meta({ description: 'integer fen' });

export const WalletSettings = z
  .object({
    bonusRule: WalletBonusRule,
    customTopUp: z.boolean().meta({ description: 'members may top up an amount of their own' }),
    customMinFen: TopUpFen,
    customMaxFen: TopUpFen,
    giftCardClaimDays: z.number().int().min(1).max(60).default(7).meta({ description: 'unclaimed gift cards return to the buyer after this' }),
    giftCardValidDays: z.number().int().min(1).max(1095).default(365).meta({ description: 'a gift card kept as a card must be used within this' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.customMaxFen < v.customMinFen)
      ctx.addIssue({ code: 'custom', path: ['customMaxFen'], ...rule('range_order', 'must be at least customMinFen') });
  })
  .meta({ id: 'WalletSettings' });

export const WalletPackageInput = z
  .object({
    title: z.string().trim().min(1).max(40),
    amountFen: TopUpFen.meta({ description: 'what the member pays' }),
    bonusFen: z.number().int().min(0).max(WALLET_MAX_FEN).default(0).meta({ description: 'bonus added with it (充 500 送 50)' }),
    bonusPoints: z.number().int().min(0).max(1_000_000).default(0),
    status: z.enum(['on', 'off']).default('on'),
    sort: z.number().int().min(-1_000_000).max(1_000_000).default(0).meta({ description: 'larger comes first' }),
  })
  .strict()
  .meta({ id: 'WalletPackageInput' });

export const WalletPackage = z
  .object({
    id: Id,
    title: z.string(),
    amountFen: FenAmount,
    bonusFen: FenAmount,
    bonusPoints: z.number().int(),
    status: z.enum(['on', 'off']),
    sort: z.number().int(),
  })
  .meta({ id: 'WalletPackage' });

export const Wallet = z
  .object({
    principalFen: FenAmount,
    bonusFen: FenAmount,
    balanceFen: FenAmount.meta({ description: 'principalFen + bonusFen' }),
    bonusRule: WalletBonusRule,
    packages: z.array(WalletPackage).meta({ description: 'the packages on sale, larger sort first' }),
    customTopUp: z.object({ enabled: z.boolean(), minFen: FenAmount, maxFen: FenAmount }),
  })
  .meta({ id: 'Wallet' });

export const WALLET_LEDGER_KINDS = [
  'top_up',
  'top_up_refund',
  'spend',
  'spend_return',
  'refund',
  'adjustment',
  'merge',
  'gift_card',
  'gift_card_return',
] as const;
export const WalletLedgerEntry = z
  .object({
    id: Id,
    kind: z.enum(WALLET_LEDGER_KINDS),
    principalDeltaFen: z.number().int(),
    bonusDeltaFen: z.number().int(),
    orderId: Id.nullable(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'WalletLedgerEntry' });
export const WalletLedgerQuery = PageQuery;
export const WalletLedgerPage = pageOf(WalletLedgerEntry).meta({ id: 'WalletLedgerPage' });

export const CreateTopUpRequest = z
  .object({
    packageId: Id.optional().meta({ description: 'a package on sale; or send amountFen' }),
    amountFen: TopUpFen.optional().meta({ description: 'a custom amount within the shop’s limits (no bonus)' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.packageId === undefined) === (v.amountFen === undefined))
      ctx.addIssue({ code: 'custom', path: ['packageId'], ...rule('either_or', 'send either packageId or amountFen') });
  })
  .meta({ id: 'CreateTopUpRequest' });

export const TopUp = z
  .object({
    id: Id,
    topUpNo: z.string(),
    amountFen: FenAmount,
    bonusFen: FenAmount,
    bonusPoints: z.number().int(),
    status: z.enum(['awaiting_payment', 'credited', 'closed', 'refunded']),
    orderId: Id,
    orderNo: z.string().meta({ description: 'pay it with POST /api/v1/orders/{orderId}/pay' }),
    createdAt: IsoInstant,
    creditedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'TopUp' });

export const WalletMemberParam = z.object({ memberId: decimalInteger(1) });

export const MerchantWallet = z
  .object({
    memberId: Id,
    principalFen: FenAmount,
    bonusFen: FenAmount,
    balanceFen: FenAmount,
    ledger: z.array(WalletLedgerEntry.extend({ staffId: Id.nullable() })).meta({ description: 'the latest 50 entries' }),
  })
  .meta({ id: 'MerchantWallet' });

export const WalletAdjustmentRequest = z
  .object({
    principalDeltaFen: z.number().int().min(-WALLET_MAX_FEN).max(WALLET_MAX_FEN).default(0),
    bonusDeltaFen: z.number().int().min(-WALLET_MAX_FEN).max(WALLET_MAX_FEN).default(0),
    reason: z.string().trim().min(2).max(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.principalDeltaFen === 0 && v.bonusDeltaFen === 0)
      ctx.addIssue({ code: 'custom', path: ['principalDeltaFen'], ...rule('not_zero', 'move principal or bonus') });
  })
  .meta({ id: 'WalletAdjustmentRequest' });

export const LiabilityQuery = z.object({
  at: IsoInstant.optional().meta({ description: 'the instant to report at (default now): entries made up to it' }),
});
export const WalletLiability = z
  .object({
    at: IsoInstant,
    principalFen: z.number().int(),
    bonusFen: z.number().int(),
    totalFen: z.number().int(),
    members: z.number().int().meta({ description: 'members with a balance above zero' }),
  })
  .meta({ id: 'WalletLiability' });

/** Gift cards (decision 039): bought for a friend, sent with the platform's share, claimed once by the first opener. */
export const GiftCardDesignInput = z
  .object({
    title: z.string().trim().min(1).max(40),
    imageUrl: ImageUrl.nullable().default(null),
    status: z.enum(['on', 'off']).default('on'),
  })
  .strict()
  .meta({ id: 'GiftCardDesignInput' });
export const GiftCardDesign = z
  .object({ id: Id, title: z.string(), imageUrl: z.string().nullable(), status: z.enum(['on', 'off']) })
  .meta({ id: 'GiftCardDesign' });

export const GIFT_CARD_STATUSES = ['awaiting_payment', 'sent', 'claimed', 'returned', 'closed', 'refunded'] as const;
export const GiftCardFaceFen = z.number().int().min(100).max(500_000).meta({ description: 'face value in fen: ¥1 to ¥5,000' });

export const BuyGiftCardRequest = z
  .object({
    designId: Id,
    faceFen: GiftCardFaceFen,
    message: z.string().trim().max(100).default(''),
  })
  .strict()
  .meta({ id: 'BuyGiftCardRequest' });

export const GiftCard = z
  .object({
    id: Id,
    cardNo: z.string(),
    role: z.enum(['bought', 'received']),
    design: GiftCardDesign,
    faceFen: FenAmount,
    message: z.string(),
    status: z.enum(GIFT_CARD_STATUSES),
    orderId: Id.nullable().meta({ description: 'bought: pay it with POST /api/v1/orders/{orderId}/pay' }),
    orderNo: z.string().nullable(),
    claimToken: z.string().nullable().meta({ description: 'bought: what the share link carries; null for the receiver' }),
    claimBy: IsoInstant.nullable(),
    claimedAt: IsoInstant.nullable(),
    keptAs: z.enum(['balance', 'card']).nullable(),
    cardExpiresAt: IsoInstant.nullable(),
    redeemedAt: IsoInstant.nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'GiftCard' });
export const GiftCardList = z.object({ items: z.array(GiftCard) }).meta({ id: 'GiftCardList' });

export const GiftCardTokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{24}$/, 'a 24-character claim token') });
export const GiftCardClaimView = z
  .object({
    design: GiftCardDesign,
    faceFen: FenAmount,
    message: z.string(),
    status: z.enum(GIFT_CARD_STATUSES),
    claimBy: IsoInstant.nullable(),
    mine: z.boolean().meta({ description: 'I bought it (I cannot claim it myself)' }),
  })
  .meta({ id: 'GiftCardClaimView' });
export const ClaimGiftCardRequest = z
  .object({
    keepAs: z.enum(['balance', 'card']).default('balance').meta({ description: 'add it to my balance now, or keep it as a card until its expiry' }),
  })
  .strict()
  .meta({ id: 'ClaimGiftCardRequest' });

export const MerchantGiftCardQuery = PageQuery.extend({ status: z.enum(GIFT_CARD_STATUSES).optional() });
export const MerchantGiftCard = z
  .object({
    id: Id,
    cardNo: z.string(),
    designTitle: z.string(),
    faceFen: FenAmount,
    status: z.enum(GIFT_CARD_STATUSES),
    buyerId: Id,
    claimedBy: Id.nullable(),
    createdAt: IsoInstant,
    claimedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'MerchantGiftCard' });
export const MerchantGiftCardPage = pageOf(MerchantGiftCard).meta({ id: 'MerchantGiftCardPage' });

/**
 * The member code (会员码): a dynamic code on the member centre, new every minute, used once. Staff type or scan it at
 * the counter to identify the member (reads only) and to record a purchase, paid partly or wholly from the balance:
 * showing a fresh code is the member's confirmation, like a platform's payment code.
 */
export const MEMBER_CODE_SECONDS = 60;
export const MemberCode = z
  .object({
    code: z.string().meta({ description: '18 digits, shown as a barcode / QR code and as text' }),
    expiresAt: IsoInstant,
    refreshSeconds: z.number().int().meta({ description: 'ask for a new code after this' }),
  })
  .meta({ id: 'MemberCode' });
const CodeField = z.string().regex(/^\d{18}$/, 'an 18-digit member code');
const StoreField = z.string().trim().min(1).max(40).meta({ description: 'the store (门店) where staff act' });
export const CounterIdentifyRequest = z.object({ code: CodeField, store: StoreField }).strict().meta({ id: 'CounterIdentifyRequest' });
export const CounterMember = z
  .object({
    memberId: Id,
    nickname: z.string(),
    principalFen: FenAmount,
    bonusFen: FenAmount,
    balanceFen: FenAmount,
    codeExpiresAt: IsoInstant,
  })
  .meta({ id: 'CounterMember' });
export const CounterPurchaseRequest = z
  .object({
    code: CodeField,
    store: StoreField,
    amountFen: z.number().int().min(1).max(WALLET_MAX_FEN).meta({ description: 'what the purchase came to' }),
    balanceFen: z.number().int().min(0).max(WALLET_MAX_FEN).default(0).meta({ description: 'of it, paid from the balance; the rest at the till' }),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.balanceFen > v.amountFen)
      ctx.addIssue({ code: 'custom', path: ['balanceFen'], ...rule('over_available', 'at most amountFen', { max: v.amountFen }) });
  })
  .meta({ id: 'CounterPurchaseRequest' });
export const CounterPurchase = z
  .object({
    orderId: Id,
    orderNo: z.string(),
    memberId: Id,
    amountFen: FenAmount,
    balanceFen: FenAmount,
    tillFen: FenAmount.meta({ description: 'paid at the till' }),
    principalFen: FenAmount.meta({ description: 'the balance left' }),
    bonusFen: FenAmount,
  })
  .meta({ id: 'CounterPurchase' });
export const CounterAction = z
  .object({
    id: Id,
    memberId: Id,
    staffId: Id,
    store: z.string(),
    action: z.enum(['identify', 'purchase', 'balance_payment']),
    amountFen: FenAmount.nullable(),
    orderId: Id.nullable(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'CounterAction' });
export const CounterActionQuery = PageQuery;
export const CounterActionPage = pageOf(CounterAction).meta({ id: 'CounterActionPage' });

export type MemberCode = z.output<typeof MemberCode>;
export type CounterMember = z.output<typeof CounterMember>;
export type CounterPurchaseRequest = z.output<typeof CounterPurchaseRequest>;
export type CounterPurchase = z.output<typeof CounterPurchase>;
export type CounterActionPage = z.output<typeof CounterActionPage>;
export type WalletSettings = z.output<typeof WalletSettings>;
export type GiftCardDesignInput = z.output<typeof GiftCardDesignInput>;
export type GiftCardDesign = z.output<typeof GiftCardDesign>;
export type BuyGiftCardRequest = z.output<typeof BuyGiftCardRequest>;
export type GiftCard = z.output<typeof GiftCard>;
export type GiftCardClaimView = z.output<typeof GiftCardClaimView>;
export type MerchantGiftCardPage = z.output<typeof MerchantGiftCardPage>;
export type WalletPackageInput = z.output<typeof WalletPackageInput>;
export type WalletPackage = z.output<typeof WalletPackage>;
export type Wallet = z.output<typeof Wallet>;
export type WalletLedgerEntry = z.output<typeof WalletLedgerEntry>;
export type WalletLedgerPage = z.output<typeof WalletLedgerPage>;
export type CreateTopUpRequest = z.output<typeof CreateTopUpRequest>;
export type TopUp = z.output<typeof TopUp>;
export type MerchantWallet = z.output<typeof MerchantWallet>;
export type WalletAdjustmentRequest = z.output<typeof WalletAdjustmentRequest>;
export type WalletLiability = z.output<typeof WalletLiability>;
export type WalletBonusRuleValue = (typeof WALLET_BONUS_RULES)[number];
