import { createAlipayAdapter, type AlipayConfig } from './alipay.js';
import { alipayNotificationFormatProblem, createAlipayPayAdapter } from './alipay-pay.js';
import { createTtAdapter, type TtConfig } from './tt.js';
import { createTtPayAdapter, ttNotificationFormatProblem } from './tt-pay.js';
import type { FetchLike, NotificationInput, PaymentAdapters, PaymentPlatform, PlatformAdapters } from './types.js';
import { createWeappAdapter, type WeappConfig } from './weapp.js';
import { createWechatPayAdapter, wechatpayNotificationFormatProblem } from './wechatpay.js';

import type { PlatformsConfig } from './config.js';
import { createMiniProgramCodes } from './mini-program-codes.js';

export type { PlatformsConfig };

/**
 * The production adapters. `fetch` is injected so the simulator can answer in-process; `clock` stamps Alipay
 * requests (its `timestamp` parameter) and times WeChat's cached access token.
 */
export function createPlatformAdapters(config: PlatformsConfig, fetch: FetchLike = globalThis.fetch, clock: Clock = systemClock): PlatformAdapters {
  const codes = createMiniProgramCodes(config, fetch, clock);
  return {
    weapp: Object.assign(createWeappAdapter(config.weapp, fetch, clock), { createMiniProgramCode: codes.weapp }),
    alipay: Object.assign(createAlipayAdapter(config.alipay, fetch, clock), { createMiniProgramCode: codes.alipay }),
    tt: Object.assign(createTtAdapter(config.tt, fetch, clock), { createMiniProgramCode: codes.tt }),
  };
}

export type { FetchLike, PhoneProof, PlatformAdapter, PlatformAdapters, PlatformIdentity, PlatformPhoneNumber } from './types.js';
export type { AlipayConfig, TtConfig, WeappConfig };
export { createWeappAdapter } from './weapp.js';
export { createAlipayAdapter } from './alipay.js';
export { createTtAdapter } from './tt.js';
export {
  createPlatformSimulator,
  simulatorFetch,
  SIMULATOR_BASE,
  SIMULATOR_APPS,
  type PlatformSimulator,
  type PlatformSimulatorOptions,
} from './simulator/simulator.js';
export { generateSimulatorKeys, sharedTestKeys, type SimulatorKeys, type KeyPairPem } from './simulator/keys.js';

/**
 * The payment adapters. A platform whose payment settings are missing gets an adapter with `configured: false`
 * whose calls fail (PLATFORM_UNAVAILABLE; notifications NOT_CONFIGURED). `clock` signs requests and judges
 * notification timestamps (5 minutes either way).
 */
export function createPaymentAdapters(config: PlatformsConfig, fetch: FetchLike = globalThis.fetch, clock: Clock = systemClock): PaymentAdapters {
  return {
    weapp: createWechatPayAdapter(config.weapp.appId, config.weapp.pay, fetch, clock),
    alipay: createAlipayPayAdapter(config.alipay, fetch, clock),
    tt: createTtPayAdapter(config.tt.appId, config.tt.appSecret, config.tt.pay, fetch, clock),
  };
}

export type {
  AlipayPaymentParams,
  ClientPayment,
  CreatePaymentInput,
  NotificationAcknowledgement,
  NotificationInput,
  PaymentAdapter,
  PaymentAdapters,
  PaymentNotification,
  PaymentPlatform,
  PaymentQueryInput,
  PaymentQueryResult,
  PaymentTradeState,
  RefundInput,
  RefundResult,
  RefundState,
  TtPaymentParams,
  WeappPaymentParams,
} from './types.js';
import { type Clock, systemClock } from '../lib/clock.js';
export type { WeappPayConfig } from './wechatpay.js';
export type { TtPayConfig } from './tt-pay.js';
export { PaymentNotificationError, isPaymentNotificationError, type NotificationRejectReason } from './payment-common.js';

/**
 * Why a request posted to a platform's notify URL is not that platform's notification at all (headers, envelope),
 * before any key is used; null when it has the form. Each adapter's verifyNotification refuses the same first.
 */
export function notificationFormatProblem(platform: PaymentPlatform, input: NotificationInput): string | null {
  const check = { weapp: wechatpayNotificationFormatProblem, alipay: alipayNotificationFormatProblem, tt: ttNotificationFormatProblem }[platform];
  return check(input);
}
