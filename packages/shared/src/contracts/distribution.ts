import { z } from 'zod';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { FenAmount } from './catalog.js';
import { CursorQuery, Id, IsoInstant } from './common.js';

/** Basis points of a commission rate: 1000 = 10%; at most 50% a level. */
export const CommissionRateBp = z.number().int().min(0).max(5000).meta({ description: 'basis points (1000 = 10%), at most 5000' });

export const DISTRIBUTOR_STATUSES = ['pending', 'active', 'frozen', 'refused'] as const;
export const DistributorStatus = z.enum(DISTRIBUTOR_STATUSES);
export const QUALIFICATION_MODES = ['apply', 'tier', 'task', 'card'] as const;
export const WITHDRAWAL_STATUSES = ['requested', 'refused', 'paying', 'awaiting_confirmation', 'paid', 'failed'] as const;
export const WithdrawalStatus = z.enum(WITHDRAWAL_STATUSES);
export const COMMISSION_STATUSES = ['frozen', 'settled', 'cancelled'] as const;

/** The merchant's distribution rules. */
export const DistributionSettings = z
  .object({
    enabled: z.boolean(),
    qualification: z.object({
      mode: z.enum(QUALIFICATION_MODES).meta({
        description:
          'apply: apply and be approved; tier: reach minTierLevel; task: checkIns check-ins or one paid order; card: a paid membership card',
      }),
      minTierLevel: z.number().int().min(0).max(20),
      task: z.object({ checkIns: z.number().int().min(0).max(365), paidOrder: z.boolean() }),
    }),
    binding: z.object({
      touch: z.enum(['first', 'last']).meta({ description: 'first: the first distributor keeps the customer; last: the latest share wins' }),
      days: z.number().int().min(1).max(3650).nullable().meta({ description: 'how long a binding lasts; null: for good' }),
    }),
    levels: z.union([z.literal(1), z.literal(2)]),
    selfPurchase: z.boolean().meta({ description: 'a distributor earns commission on their own orders' }),
    settleAfterDays: z.number().int().min(0).max(90).meta({ description: 'the refund window after completion; commission settles after it' }),
    withdrawal: z.object({
      minFen: FenAmount.pipe(z.number().min(1)),
      feeBp: z.number().int().min(0).max(2000),
      dailyCapFen: FenAmount.pipe(z.number().min(1)),
    }),
  })
  .meta({ id: 'DistributionSettings' });
export type DistributionSettings = z.infer<typeof DistributionSettings>;

export const CommissionRule = z
  .object({
    scope: z.enum(['store', 'category', 'product']),
    targetId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).meta({ description: '0 for the store' }),
    level1Bp: CommissionRateBp,
    level2Bp: CommissionRateBp,
  })
  .meta({ id: 'CommissionRule' });
export type CommissionRule = z.infer<typeof CommissionRule>;
export const CommissionRuleList = z.object({ items: z.array(CommissionRule) }).meta({ id: 'CommissionRuleList' });

/** What a member sees of their distribution account. */
export const DistributionSummary = z
  .object({
    status: z.enum(['none', ...DISTRIBUTOR_STATUSES]),
    qualification: z.object({
      mode: z.enum(QUALIFICATION_MODES),
      minTierLevel: z.number().int(),
      checkIns: z.number().int(),
      paidOrder: z.boolean(),
    }),
    frozenFen: FenAmount.meta({ description: 'commission of orders still inside their refund window' }),
    balanceFen: FenAmount.meta({ description: 'settled and withdrawable' }),
    debtFen: FenAmount.meta({ description: 'reversed after it was withdrawn; repaid by the next settlements' }),
    withdrawnFen: FenAmount.meta({ description: 'paid out or on its way' }),
    settledTotalFen: FenAmount,
  })
  .meta({ id: 'DistributionSummary' });

export const CommissionItem = z
  .object({
    id: Id,
    orderId: Id,
    level: z.number().int().min(1).max(2),
    status: z.enum(COMMISSION_STATUSES),
    amountFen: FenAmount,
    initialFen: FenAmount,
    buyer: z.string().meta({ description: 'the buyer’s nickname, masked' }),
    settleAfter: IsoInstant.nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'CommissionItem' });
export const CommissionQuery = CursorQuery.extend({ status: z.enum(COMMISSION_STATUSES).optional() });
export const CommissionPage = z.object({ items: z.array(CommissionItem), nextCursor: Id.nullable() }).meta({ id: 'CommissionPage' });

export const DistributionTeam = z
  .object({
    direct: z.object({ count: z.number().int(), members: z.array(z.object({ name: z.string(), boundAt: IsoInstant })) }),
    second: z.object({ count: z.number().int(), members: z.array(z.object({ name: z.string(), boundAt: IsoInstant })) }),
    byStatus: z.array(z.object({ status: z.enum(COMMISSION_STATUSES), orders: z.number().int(), amountFen: FenAmount })),
  })
  .meta({ id: 'DistributionTeam' });

export const WithdrawalRequest = z
  .object({
    amountFen: FenAmount.pipe(z.number().min(1)),
    platform: z.enum(LOGIN_PLATFORMS).meta({ description: 'where the money goes: WeChat balance, Alipay account, or by hand (Douyin)' }),
  })
  .meta({ id: 'WithdrawalRequest' });

export const Withdrawal = z
  .object({
    id: Id,
    amountFen: FenAmount,
    feeFen: FenAmount,
    netFen: FenAmount,
    platform: z.enum(LOGIN_PLATFORMS),
    status: WithdrawalStatus,
    billNo: z.string(),
    packageInfo: z.string().nullable().meta({ description: 'WeChat: pass to wx.requestMerchantTransfer for the member to confirm' }),
    failReason: z.string().nullable(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .meta({ id: 'Withdrawal' });
export const WithdrawalQuery = CursorQuery.extend({ status: WithdrawalStatus.optional() });
export const WithdrawalPage = z.object({ items: z.array(Withdrawal), nextCursor: Id.nullable() }).meta({ id: 'WithdrawalPage' });
export const MerchantWithdrawal = Withdrawal.extend({ distributorId: Id, memberId: Id }).meta({ id: 'MerchantWithdrawal' });
export const MerchantWithdrawalPage = z
  .object({ items: z.array(MerchantWithdrawal), nextCursor: Id.nullable() })
  .meta({ id: 'MerchantWithdrawalPage' });
export const WithdrawalDecision = z
  .object({ decision: z.enum(['approve', 'refuse']), reason: z.string().min(1).max(200).optional() })
  .meta({ id: 'WithdrawalDecision' });
export const ManualPayout = z
  .object({ reference: z.string().min(1).max(64).meta({ description: 'the transfer’s reference in the merchant’s own records' }) })
  .meta({ id: 'ManualPayout' });

export const Distributor = z
  .object({
    id: Id,
    memberId: Id,
    nickname: z.string(),
    status: DistributorStatus,
    qualifiedBy: z.enum(['apply', 'tier', 'task', 'card', 'staff']),
    balanceFen: FenAmount,
    debtFen: FenAmount,
    frozenFen: FenAmount,
    customers: z.number().int(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'Distributor' });
export const DistributorQuery = CursorQuery.extend({ status: DistributorStatus.optional() });
export const DistributorPage = z.object({ items: z.array(Distributor), nextCursor: Id.nullable() }).meta({ id: 'DistributorPage' });
export const DistributorStatusChange = z.object({ status: z.enum(['active', 'frozen', 'refused']) }).meta({ id: 'DistributorStatusChange' });

export const CommissionLedgerEntry = z
  .object({
    id: Id,
    distributorId: Id,
    deltaFen: z.number().int(),
    kind: z.enum(['settle', 'reverse', 'withdraw', 'withdraw_return', 'adjust']),
    sourceKey: z.string(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'CommissionLedgerEntry' });
export const CommissionLedgerQuery = CursorQuery.extend({
  distributorId: z
    .string()
    .regex(/^[1-9][0-9]*$/)
    .transform(Number)
    .optional(),
});
export const CommissionLedgerPage = z
  .object({ entries: z.array(CommissionLedgerEntry), nextCursor: Id.nullable() })
  .meta({ id: 'CommissionLedgerPage' });

/** What a distributor earns on one unit of a product, for 赚 ¥x on the product page (null for non-distributors). */
export const ProductEarning = z
  .object({ earnFen: FenAmount.nullable().meta({ description: 'level-1 commission on one unit at its price; null when not a distributor' }) })
  .meta({ id: 'ProductEarning' });

/** The shopping guide a member is bound to (a card on the home page), or null. */
export const MyGuide = z.object({ guide: z.object({ name: z.string(), storeName: z.string() }).nullable() }).meta({ id: 'MyGuide' });
