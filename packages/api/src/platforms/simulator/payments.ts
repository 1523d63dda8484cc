/**
 * The simulator's payment side, platform-neutral: trades, refunds, and delivering notifications (duplicates sent
 * concurrently, redelivery of the same event later). The per-platform route modules build the notifications.
 */
import { randomBytes } from 'node:crypto';
import type { LoginPlatform } from '@siyu/shared/platforms';
import type { Clock } from '../../lib/clock.js';

/** How the simulator POSTs notifications; defaults to global fetch. Tests pass one that calls the API in-process. */
export type DeliverFn = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<Response> | Response;

export type SimTradeStatus = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface SimRefund {
  outRefundNo: string;
  refundId: string;
  refundFen: number;
  status: 'PROCESSING' | 'SUCCESS';
  notifyUrl: string | null;
  createdAt: Date;
  successAt?: Date;
  /** The event id of its notification, once sent. */
  eventId?: string;
}

export interface SimTrade {
  platform: LoginPlatform;
  outTradeNo: string;
  /** WeChat transaction_id, Alipay trade_no, Douyin order_id. */
  transactionId: string;
  amountFen: number;
  description: string;
  payerOpenId: string;
  notifyUrl: string;
  status: SimTradeStatus;
  createdAt: Date;
  paidAt?: Date;
  /** WeChat prepay_id. */
  prepayId?: string;
  refunds: SimRefund[];
  /** The event id of the payment notification, once sent. */
  paymentEventId?: string;
}

/** One notification: built once; `sign()` gives the headers and body of one delivery (re-signed per delivery where the platform does). */
export interface SimEvent {
  eventId: string;
  platform: LoginPlatform;
  kind: 'payment' | 'refund';
  url: string;
  sign(): { headers: Record<string, string>; body: string };
}

export interface DeliveryRecord {
  eventId: string;
  platform: LoginPlatform;
  kind: 'payment' | 'refund';
  url: string;
  /** HTTP status; 0 when the request failed at the network level. */
  status: number;
  body: string;
  at: Date;
}

export interface DeliveryOptions {
  /** Copies sent concurrently (default 1). */
  duplicates?: number;
  /** Wait this long before sending (the call returns at once); default 0 sends now and awaits the answers. */
  delayMs?: number;
  /**
   * A lost notification: the event is built and kept (a later `redeliver(eventId)`, or paying again, sends it, as a
   * late platform retry) but nothing is delivered now. For testing active payment queries (主动查单).
   */
  lost?: boolean;
}

export function refundsTotal(trade: SimTrade): number {
  return trade.refunds.reduce((sum, r) => sum + r.refundFen, 0);
}

export function createPaymentStore(clock: Clock, deliverFn: DeliverFn) {
  const trades = new Map<string, SimTrade>();
  const events = new Map<string, SimEvent>();
  const deliveries: DeliveryRecord[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const key = (platform: LoginPlatform, outTradeNo: string) => `${platform}:${outTradeNo}`;

  async function deliverOnce(event: SimEvent): Promise<DeliveryRecord> {
    const { headers, body } = event.sign();
    let status = 0;
    let text = '';
    try {
      const res = await deliverFn(event.url, { method: 'POST', headers, body });
      status = res.status;
      text = await res.text();
    } catch (err) {
      text = err instanceof Error ? err.message : String(err);
    }
    const record: DeliveryRecord = {
      eventId: event.eventId,
      platform: event.platform,
      kind: event.kind,
      url: event.url,
      status,
      body: text,
      at: clock.now(),
    };
    deliveries.push(record);
    return record;
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Sends `duplicates` copies concurrently; resolves with their records (immediately with [] when delayed). */
  function send(event: SimEvent, options: DeliveryOptions = {}): Promise<DeliveryRecord[]> {
    if (options.lost) return Promise.resolve([]);
    const copies = Math.max(1, Math.min(100, Math.floor(options.duplicates ?? 1)));
    const run = () => Promise.all(Array.from({ length: copies }, () => deliverOnce(event)));
    if (options.delayMs && options.delayMs > 0) {
      track(new Promise<DeliveryRecord[]>((resolve) => setTimeout(() => resolve(run()), options.delayMs)));
      return Promise.resolve([]);
    }
    return track(run());
  }

  return {
    trades,
    deliveries,
    get(platform: LoginPlatform, outTradeNo: string): SimTrade | undefined {
      return trades.get(key(platform, outTradeNo));
    },
    byTransactionId(platform: LoginPlatform, transactionId: string): SimTrade | undefined {
      for (const t of trades.values()) if (t.platform === platform && t.transactionId === transactionId) return t;
      return undefined;
    },
    put(trade: SimTrade): void {
      trades.set(key(trade.platform, trade.outTradeNo), trade);
    },
    /** Registers an event so that `redeliver(eventId)` can send it again, and sends it. */
    emit(event: SimEvent, options?: DeliveryOptions): Promise<DeliveryRecord[]> {
      events.set(event.eventId, event);
      return send(event, options);
    },
    /** Sends a past event again (same event id and body; WeChat and Douyin re-sign with the current time, as retries do). */
    redeliver(eventId: string, options?: DeliveryOptions): Promise<DeliveryRecord[]> | null {
      const event = events.get(eventId);
      return event ? send(event, options) : null;
    },
    /** Runs `fn` after `ms` (tracked by `settled()`). */
    schedule(fn: () => Promise<unknown>, ms: number): void {
      track(new Promise((resolve) => setTimeout(() => resolve(fn().catch(() => undefined)), ms)));
    },
    hasEvent(eventId: string): boolean {
      return events.has(eventId);
    },
    /** Resolves when every delivery sent or scheduled so far has been answered. */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;

/** What each platform module gives the simulator: how to mark a trade paid and complete a refund, with its notification. */
export interface PlatformPaySide {
  /** Sends the payment notification of a trade the simulator has just marked paid; called again, resends the same event. */
  pay(trade: SimTrade, options?: DeliveryOptions): { eventId: string; deliveries: Promise<DeliveryRecord[]> };
  /** Completes a refund (if not yet) and sends its refund notification; a completed one resends the same event. */
  completeRefund(trade: SimTrade, refund: SimRefund, options?: DeliveryOptions): { eventId: string; deliveries: Promise<DeliveryRecord[]> };
}

/** Called by the platform modules when a refund was accepted; the simulator completes it now or later. */
export type RefundAccepted = (trade: SimTrade, refund: SimRefund) => void;

/** Digits for platform ids. */
export function digits(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += String(b % 10);
  return out;
}

/** yyyyMMdd in Beijing time. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}
