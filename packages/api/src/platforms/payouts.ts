/**
 * Paying a distributor's withdrawal out (docs/protocols/payouts.md): WeChat Pay 商家转账 (`transfer-bills`, the
 * member confirms in the mini-program with `wx.requestMerchantTransfer`, then `MCHTRANSFER.BILL.FINISHED` is
 * notified) and Alipay `alipay.fund.trans.uni.transfer`. Douyin has no transfer to a user's balance: staff pay by hand
 * and record it. A bill number (`out_bill_no` / `out_biz_no`) names one payout: the platforms refuse to pay one twice.
 */
export type PayoutPlatform = 'weapp' | 'alipay';

export interface PayoutRequest {
  platform: PayoutPlatform;
  billNo: string;
  /** What reaches the member: the withdrawal less its fee. */
  amountFen: number;
  memberId: number;
  remark: string;
}

export type PayoutOutcome =
  | { state: 'paid'; transferBillNo: string }
  | { state: 'failed'; reason: string }
  /** Accepted, not finished: WeChat waits for the member's confirmation (packageInfo for wx.requestMerchantTransfer); Alipay is DEALING. */
  | { state: 'pending'; transferBillNo: string; packageInfo: string | null };

export interface PayoutNotification {
  billNo: string;
  state: 'paid' | 'failed';
  transferBillNo: string | null;
  reason: string | null;
}

export interface PayoutGateway {
  /** Starts (or, for a bill number already started, answers again about) one payout. Called outside any transaction. */
  transfer(req: PayoutRequest): Promise<PayoutOutcome>;
  /** A platform's notification about a payout, verified; null when the signature or the body is not right. */
  verifyNotification(platform: PayoutPlatform, rawBody: string, headers: Record<string, string | undefined>): PayoutNotification | null;
}

/** No payout platform configured: every payout stays `paying` (asked again later) until one is. */
export const unconfiguredPayouts: PayoutGateway = {
  async transfer() {
    throw new Error('no payout gateway is configured');
  },
  verifyNotification: () => null,
};
