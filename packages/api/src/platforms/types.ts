import type { LoginPlatform } from '@siyu/shared/platforms';

/** What a platform tells us about the member behind a one-time login code. */
export interface PlatformIdentity {
  platform: LoginPlatform;
  /** The member's id inside this app on this platform (WeChat/Douyin openid, Alipay user_id or open_id). */
  openId: string;
  /** Cross-app id where the platform gives one (WeChat/Douyin unionid). */
  unionId: string | null;
  /** Platform session key; stays on the server, never sent to a client. */
  sessionKey: string | null;
  /** The member's nickname on the platform, where its login gives one; a new member starts with it. */
  nickname?: string | null;
}

/** Everything that differs between WeChat, Alipay and Douyin on the server side. Payments join later. */
export interface PlatformAdapter {
  readonly platform: LoginPlatform;
  /** Our app id on this platform; identities are unique per (platform, app id, open id). */
  readonly appId: string;
  /**
   * Exchanges the client's one-time code with the platform.
   * Throws AppError('PLATFORM_CODE_INVALID') when the platform rejects the code (garbage, reused, expired),
   * AppError('RATE_LIMITED') when the platform says too frequent,
   * AppError('PLATFORM_UNAVAILABLE') when it is busy, unreachable or answers something unverifiable.
   */
  exchangeLoginCode(code: string): Promise<PlatformIdentity>;
  /**
   * Turns the platform's phone-number proof (what its phone-number button gave the client) into the phone number,
   * after checking it is genuine and for our app (docs/platform-protocols.md, "Phone number").
   * Throws AppError PHONE_PROOF_INVALID (forged, tampered, reused, another app's), PHONE_REFUSED (the platform said
   * no), SESSION_STALE (Douyin: the session key we hold is not the one the proof was encrypted with: log in again),
   * PLATFORM_BUSY (retry shortly), PLATFORM_UNAVAILABLE (unreachable, misconfigured, unverifiable answers).
   */
  getPhoneNumber(proof: PhoneProof, context: PhoneProofContext): Promise<PlatformPhoneNumber>;
  /**
   * Sends one subscription message (docs/protocols/subscription-messages.md): WeChat `subscribeMessage.send`, Alipay
   * `alipay.open.app.mini.templatemessage.send`, Douyin `notify_user`. Never throws for what the platform answered:
   * the outcome says whether it was sent, refused (no consent left), failed (our template or data is wrong: do not
   * retry), worth retrying (busy, unreachable before sending) or unknown (timed out: it may have gone).
   */
  sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult>;
  /**
   * A scannable mini-program code (PNG) that opens `page` with the share id, made by the platform's own API
   * (docs/protocols/mini-program-codes.md). Throws AppError PLATFORM_BUSY, RATE_LIMITED or PLATFORM_UNAVAILABLE.
   */
  createMiniProgramCode?(request: { page: string; scene: string }): Promise<Buffer>;
}

/** One subscription message for one member on one platform; `data` already fitted to the template's field rules. */
export interface SubscribeMessageInput {
  openId: string;
  templateId: string;
  /** Template field name → value. */
  data: Record<string, string>;
  /** The mini-program page (with query) the message opens; null: none. */
  page: string | null;
}

export type SubscribeMessageResult =
  | { outcome: 'sent'; code: string; detail: string | null }
  | { outcome: 'refused' | 'failed' | 'retry' | 'unknown'; code: string; detail: string | null };

/** What the platform's phone-number button gives the client, by platform. */
export type PhoneProof =
  | { platform: 'weapp'; code: string }
  | { platform: 'alipay'; response: string }
  | { platform: 'tt'; encryptedData: string; iv: string };

export interface PhoneProofContext {
  /** The member's current platform session key (Douyin decrypts with it); null when we hold none. Server-side only. */
  sessionKey: string | null;
}

/** A phone number as the platform vouches for it. */
export interface PlatformPhoneNumber {
  /** Country calling code without "+", e.g. "86". */
  countryCode: string;
  /** The national number without the country code, e.g. "13800138000". */
  number: string;
}

export type PlatformAdapters = Record<LoginPlatform, PlatformAdapter>;

/** A fetch implementation; injected so tests and the embedded simulator can route requests in-process. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

// ---------------------------------------------------------------------------------------------------------------
// Payments (docs/platform-protocols.md: WeChat Pay v3, Alipay, Douyin general trade)
// ---------------------------------------------------------------------------------------------------------------

export type PaymentPlatform = LoginPlatform;

export interface CreatePaymentInput {
  /** Our order number: 6 to 32 characters of [A-Za-z0-9_*-] (WeChat Pay's rule, the strictest of the three). */
  outTradeNo: string;
  /** Integer fen, > 0. */
  amountFen: number;
  /** Shown to the payer (WeChat `description`, Alipay `subject`, Douyin sku title); ≤ 127 characters. */
  description: string;
  /** The payer's openId on this platform (from login). */
  payerOpenId: string;
  /** When the platform should stop accepting payment. */
  expiresAt: Date;
  /** Where the platform POSTs the notification; defaults to the platform config's `notifyUrl`. No query string. */
  notifyUrl?: string;
}

/** `wx.requestPayment(...)` parameters. */
export interface WeappPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}
/** `my.tradePay({ tradeNO })`. */
export interface AlipayPaymentParams {
  tradeNO: string;
}
/** `tt.requestOrder({ data, byteAuthorization })`. */
export interface TtPaymentParams {
  data: string;
  byteAuthorization: string;
}

/** What the client needs to open the platform's payment sheet, tagged by platform. */
export type ClientPayment =
  | { platform: 'weapp'; params: WeappPaymentParams }
  | { platform: 'alipay'; params: AlipayPaymentParams }
  | { platform: 'tt'; params: TtPaymentParams };

/**
 * Normalised payment state: SUCCESS (paid; Alipay TRADE_SUCCESS and TRADE_FINISHED), PENDING (not paid yet, paying),
 * CLOSED (closed, revoked, cancelled), REFUND (WeChat: a refund happened), FAILED (payment error).
 */
export type PaymentTradeState = 'SUCCESS' | 'PENDING' | 'CLOSED' | 'REFUND' | 'FAILED';
/** Normalised refund outcome in a refund notification. */
export type RefundState = 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

/** A verified, decrypted, decoded notification. Amounts are integer fen, decoded exactly. */
export interface PaymentNotification {
  platform: PaymentPlatform;
  kind: 'payment' | 'refund';
  outTradeNo: string;
  /** The platform's id of the payment (WeChat transaction_id, Alipay trade_no, Douyin order_id). */
  transactionId: string;
  /** The order's total as the platform knows it (fen). */
  amountFen: number;
  /** The app id the notification names; null where the platform omits it (WeChat refund notifications). */
  appId: string | null;
  /** WeChat mchid / Alipay seller_id, where present. */
  mchId?: string;
  /** Payment: the trade's state. Refund: the trade state where the platform says (else SUCCESS). */
  tradeState: PaymentTradeState;
  /** Refund notifications only. */
  outRefundNo?: string;
  refundId?: string;
  /** This refund's amount (WeChat, Douyin). */
  refundFen?: number;
  /** Alipay only: the total refunded on the trade so far (its `refund_fee` is cumulative). */
  refundedTotalFen?: number;
  refundState?: RefundState;
  /** When the platform says it happened (ISO 8601), if it says. */
  occurredAt?: string;
  /** Dedup key: the same event redelivered has the same id (WeChat `id`, Alipay `notify_id`, Douyin type+order/refund id). */
  eventId: string;
  /** The decoded platform payload (WeChat: the decrypted resource). */
  raw: Record<string, unknown>;
}

export interface NotificationInput {
  /** The exact request body text, never a re-serialised object. */
  rawBody: string;
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string | undefined>;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our refund number (WeChat out_refund_no, Alipay out_request_no, Douyin out_refund_no); retrying it is idempotent. */
  outRefundNo: string;
  refundFen: number;
  /** The order's paid total (fen). */
  totalFen: number;
  reason?: string;
  /** The platform's payment id; required for Douyin (its refund API takes order_id). */
  transactionId?: string;
  /** Defaults to the platform config's `refundNotifyUrl` / `notifyUrl`. */
  notifyUrl?: string;
}

export interface RefundResult {
  /** The platform's refund id (Alipay has none per refund: our outRefundNo is echoed). */
  refundId: string;
  status: 'PROCESSING' | 'SUCCESS';
}

/** What to answer the platform's notification request with. `body` null means no body. */
export interface NotificationAcknowledgement {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Active payment query (主动查单): which trade to ask about. */
export interface PaymentQueryInput {
  /** Our order number (out_trade_no / out_order_no). */
  outTradeNo: string;
  /** The platform's payment id when known (Alipay trade_no, Douyin order_id); preferred by Douyin. */
  transactionId?: string;
}

/** The platform's answer about one trade, normalised. Amounts are integer fen, decoded exactly. */
export interface PaymentQueryResult {
  tradeState: PaymentTradeState;
  /** The platform's payment id; null while the platform has none (WeChat NOTPAY). */
  transactionId: string | null;
  /** The trade's total as the platform knows it (fen). */
  amountFen: number;
  /**
   * The app id the answer is about. WeChat names it in the signed answer; Alipay and Douyin answer a request
   * authenticated as our app (signed request / client token) without naming it, so it is our app id there.
   */
  appId: string | null;
  /** When the trade was paid (ISO 8601), if the platform says. */
  paidAt?: string;
  /** The decoded platform answer. */
  raw: Record<string, unknown>;
}

export interface PaymentAdapter {
  readonly platform: PaymentPlatform;
  readonly appId: string;
  /** False when the platform's payment settings are missing: every call then fails (PLATFORM_UNAVAILABLE / NOT_CONFIGURED). */
  readonly configured: boolean;
  /**
   * Creates the payment on the platform (WeChat, Alipay) or signs the order for the client (Douyin).
   * Throws AppError VALIDATION_FAILED for bad input, PLATFORM_REFUSED when the platform says the order is already paid
   * or closed, PLATFORM_UNAVAILABLE for anything else the platform refuses or cannot answer.
   */
  createPayment(input: CreatePaymentInput): Promise<ClientPayment>;
  /** Verifies (and decrypts) a notification. Throws PaymentNotificationError when anything is off. */
  verifyNotification(input: NotificationInput): PaymentNotification;
  /** The exact answer the platform expects: ok → stop retrying; not ok → retry later. */
  acknowledgement(ok: boolean, message?: string): NotificationAcknowledgement;
  /** Requests a refund. Same errors as createPayment. */
  refund(input: RefundInput): Promise<RefundResult>;
  /**
   * Asks the platform for the trade's state (主动查单), verifying the answer as the adapter's other calls do.
   * Throws AppError NOT_FOUND when the platform knows no such trade, PLATFORM_UNAVAILABLE for anything else it
   * refuses or cannot answer (unverifiable answers included).
   */
  queryPayment(input: PaymentQueryInput): Promise<PaymentQueryResult>;
}

export type PaymentAdapters = Record<PaymentPlatform, PaymentAdapter>;
