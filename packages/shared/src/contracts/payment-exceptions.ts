import { z } from 'zod';
import { PAYMENT_EXCEPTION_KINDS, PAYMENT_EXCEPTION_STATES } from '../constants/payment-exceptions.js';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { FenAmount, PageQuery, pageOf } from './catalog.js';
import { Id, IsoInstant } from './common.js';

export const PaymentExceptionKind = z.enum(PAYMENT_EXCEPTION_KINDS);

export const PaymentExceptionState = z.enum(PAYMENT_EXCEPTION_STATES).meta({
  description:
    'refund_pending: queued (after a failure, not before nextAttemptAt); refunding: a worker is asking the platform; refund_processing: the platform took it, awaiting its notification; refunded: done; refund_failed: given up after repeated failures, for a human (retry)',
});

export const PaymentException = z
  .object({
    id: Id,
    orderId: Id,
    orderNo: z.string(),
    kind: PaymentExceptionKind,
    platform: z.enum(LOGIN_PLATFORMS),
    transactionId: z.string().meta({ description: 'the platform’s id of the payment' }),
    amountFen: FenAmount.meta({ description: 'what was paid; refunded in full' }),
    state: PaymentExceptionState,
    refundNo: z.string().nullable().meta({ description: 'our refund number on the platform (out_refund_no); fixed once the first attempt starts' }),
    attempts: z.number().int().min(0).meta({ description: 'platform calls so far' }),
    failures: z.number().int().min(0).meta({ description: 'failed calls since the last retry by staff; at the limit it becomes refund_failed' }),
    nextAttemptAt: IsoInstant.nullable(),
    lastError: z.string().nullable(),
    platformRefundId: z.string().nullable(),
    refundedAt: IsoInstant.nullable(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .meta({ id: 'PaymentException' });

export const PaymentExceptionPage = pageOf(PaymentException).meta({ id: 'PaymentExceptionPage' });
export const PaymentExceptionQuery = PageQuery.extend({ state: PaymentExceptionState.optional() });

export type PaymentExceptionKind = z.output<typeof PaymentExceptionKind>;
export type PaymentExceptionState = z.output<typeof PaymentExceptionState>;
export type PaymentException = z.output<typeof PaymentException>;
export type PaymentExceptionPage = z.output<typeof PaymentExceptionPage>;
export type PaymentExceptionQuery = z.output<typeof PaymentExceptionQuery>;
