import { z } from 'zod';
import { rule } from '../issues.js';
import { REFUND_STATUSES } from '../constants/refunds.js';
import { FenAmount, PageQuery, pageOf } from './catalog.js';
import { Id, IsoInstant } from './common.js';

export const RefundStatus = z.enum(REFUND_STATUSES);

export const RefundLine = z
  .object({
    orderLineId: Id,
    quantity: z.number().int().min(1),
    amountFen: FenAmount.meta({ description: 'computed by the server from the line’s paid unit price' }),
  })
  .meta({ id: 'RefundLine' });

export const Refund = z
  .object({
    id: Id,
    refundNo: z.string().meta({ description: 'our refund number, sent to the platform (out_refund_no)' }),
    orderId: Id,
    status: RefundStatus,
    amountFen: FenAmount.meta({ description: 'the lines, plus the shipping fee when this refund covers the whole order' }),
    pointsDeductionFen: FenAmount.meta({ description: 'kept back for points this order earned that were already spent (the merchant’s rule)' }),
    payoutFen: FenAmount.meta({ description: 'what goes back to the payer: amountFen − pointsDeductionFen' }),
    reason: z.string(),
    lines: z.array(RefundLine),
    rejectReason: z.string().nullable(),
    createdAt: IsoInstant,
    decidedAt: IsoInstant.nullable().meta({ description: 'when staff approved or rejected it' }),
    completedAt: IsoInstant.nullable().meta({ description: 'when the platform confirmed the money went back (or the refund failed)' }),
  })
  .meta({ id: 'Refund' });

const Reason = z.string().trim().min(1).max(200);

export const RefundLineRequest = z
  .object({ orderLineId: Id, quantity: z.number().int().min(1).max(99) })
  .strict()
  .meta({ id: 'RefundLineRequest' });

const RefundLines = z
  .array(RefundLineRequest)
  .min(1)
  .max(50)
  .optional()
  .meta({ description: 'omit: everything not yet refunded or under an open refund (with the shipping fee)' });

/** Amounts never come from the client: only which lines and how many. */
export const CreateRefundRequest = z
  .object({
    reason: Reason,
    lines: RefundLines,
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.lines?.forEach((l, i) => {
      if (seen.has(l.orderLineId))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'orderLineId'],
          ...rule('duplicate', 'the same order line appears twice; send one entry with the total quantity'),
        });
      seen.add(l.orderLineId);
    });
  })
  .meta({ id: 'CreateRefundRequest' });

export const RefundList = z.object({ items: z.array(Refund) }).meta({ id: 'RefundList' });

export const MerchantRefund = Refund.extend({ orderNo: z.string() }).meta({ id: 'MerchantRefund' });
export const MerchantRefundPage = pageOf(MerchantRefund).meta({ id: 'MerchantRefundPage' });
export const MerchantRefundQuery = PageQuery.extend({ status: RefundStatus.optional() });

export const ApproveRefundRequest = z.object({}).strict().meta({ id: 'ApproveRefundRequest' });
export const RejectRefundRequest = z.object({ reason: Reason }).strict().meta({ id: 'RejectRefundRequest' });

export type RefundStatus = z.output<typeof RefundStatus>;
export type RefundLine = z.output<typeof RefundLine>;
export type Refund = z.output<typeof Refund>;
/** What a refund would come to, before asking: the same rules as the request, nothing written. */
export const RefundPreviewRequest = z
  .object({
    lines: RefundLines,
  })
  .strict()
  .meta({ id: 'RefundPreviewRequest' });
export const RefundPreview = z
  .object({
    amountFen: FenAmount,
    pointsDeductionFen: FenAmount,
    payoutFen: FenAmount.meta({ description: 'what would go back to the payer' }),
    includesShipping: z.boolean(),
    lines: z.array(RefundLine),
  })
  .meta({ id: 'RefundPreview' });

export type CreateRefundRequest = z.output<typeof CreateRefundRequest>;
export type RefundPreviewRequest = z.output<typeof RefundPreviewRequest>;
export type RefundPreview = z.output<typeof RefundPreview>;
export type RefundList = z.output<typeof RefundList>;
export type MerchantRefund = z.output<typeof MerchantRefund>;
export type MerchantRefundPage = z.output<typeof MerchantRefundPage>;
export type MerchantRefundQuery = z.output<typeof MerchantRefundQuery>;
export type RejectRefundRequest = z.output<typeof RejectRefundRequest>;
