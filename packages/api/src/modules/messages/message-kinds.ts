import type { MessageKind } from '@siyu/shared';
import { localDateTime } from '@siyu/shared/business-day';
import { formatYuan } from '@siyu/shared/money';
import type { LoginPlatform } from '@siyu/shared/platforms';

/**
 * What each message kind carries (decision 044). A module that sends a message passes the kind's data; the messages
 * module turns it into the inbox text (Simplified Chinese), the page it opens, and the values a platform template's
 * fields take (the merchant maps each field to one of the kind's data keys).
 */
export interface MessageDataByKind {
  order_shipped: { orderId: number; orderNo: string; productName: string; carrier: string; trackingNo: string; shippedAt: string };
  refund_result: { orderId: number; orderNo: string; refundNo: string; amountFen: number; result: 'succeeded' | 'failed'; at: string };
  points_expiring: { points: number; expiresAt: string };
  coupon_expiring: { couponName: string; count: number; expiresAt: string };
  check_in_reminder: { date: string; streakDays: number };
  redemption_shipped: { redemptionId: number; itemName: string; carrier: string; trackingNo: string; shippedAt: string };
  member_card_expiring: { cardName: string; expiresAt: string; daysLeft: number };
}

export type MessageData<K extends MessageKind> = MessageDataByKind[K];

/** One message to send: a kind, a member, the kind's data, and the event it is about (one message per member and key). */
export type OutgoingMessage = {
  [K in MessageKind]: { kind: K; memberId: number; data: MessageDataByKind[K]; sourceKey: string };
}[MessageKind];

interface KindDefinition<K extends MessageKind> {
  title: string;
  body(d: MessageDataByKind[K], timeZone: string): string;
  page(d: MessageDataByKind[K]): string | null;
  /** The data as text, per key: what a template field mapped to that key shows. */
  display(d: MessageDataByKind[K], timeZone: string): Record<string, string>;
}

const at = (iso: string, timeZone: string) => localDateTime(iso, timeZone).slice(0, 16);

export const MESSAGE_KIND_DEFINITIONS: { [K in MessageKind]: KindDefinition<K> } = {
  order_shipped: {
    title: '订单已发货',
    body: (d) => `您的订单 ${d.orderNo}（${d.productName}）已由${d.carrier}发出，运单号 ${d.trackingNo}。`,
    page: (d) => `package-order/pages/detail/index?id=${d.orderId}`,
    display: (d, tz) => ({
      orderNo: d.orderNo,
      productName: d.productName,
      carrier: d.carrier,
      trackingNo: d.trackingNo,
      shippedAt: at(d.shippedAt, tz),
      status: '已发货',
    }),
  },
  refund_result: {
    title: '退款结果通知',
    body: (d) =>
      d.result === 'succeeded'
        ? `订单 ${d.orderNo} 的退款 ${formatYuan(d.amountFen)} 已退回原支付账户。`
        : `订单 ${d.orderNo} 的退款 ${formatYuan(d.amountFen)} 未能完成，请联系客服。`,
    page: (d) => `package-order/pages/detail/index?id=${d.orderId}`,
    display: (d, tz) => ({
      orderNo: d.orderNo,
      refundNo: d.refundNo,
      amount: formatYuan(d.amountFen),
      result: d.result === 'succeeded' ? '退款成功' : '退款失败',
      at: at(d.at, tz),
    }),
  },
  points_expiring: {
    title: '积分即将过期',
    body: (d, tz) => `您有 ${d.points} 积分将于 ${at(d.expiresAt, tz)} 过期，快去积分商城兑换吧。`,
    page: () => 'package-points/pages/mall/index',
    display: (d, tz) => ({ points: String(d.points), expiresAt: at(d.expiresAt, tz), tip: '积分即将过期，请尽快使用' }),
  },
  coupon_expiring: {
    title: '优惠券即将过期',
    body: (d, tz) => `您的 ${d.count} 张「${d.couponName}」将于 ${at(d.expiresAt, tz)} 过期，别忘了使用。`,
    page: () => 'package-coupon/pages/mine/index',
    display: (d, tz) => ({ couponName: d.couponName, count: String(d.count), expiresAt: at(d.expiresAt, tz), tip: '优惠券即将过期' }),
  },
  check_in_reminder: {
    title: '签到提醒',
    body: (d) => (d.streakDays > 0 ? `您已连续签到 ${d.streakDays} 天，今天别忘了签到领积分。` : '今天还没签到，签到即可领积分。'),
    page: () => 'package-check-in/pages/check-in/index',
    display: (d) => ({ date: d.date, streakDays: String(d.streakDays), tip: '今日签到可领积分' }),
  },
  redemption_shipped: {
    title: '兑换商品已发货',
    body: (d) => `您兑换的「${d.itemName}」已由${d.carrier}发出，运单号 ${d.trackingNo}。`,
    page: (d) => `package-points/pages/redemption/index?id=${d.redemptionId}`,
    display: (d, tz) => ({ itemName: d.itemName, carrier: d.carrier, trackingNo: d.trackingNo, shippedAt: at(d.shippedAt, tz), status: '已发货' }),
  },
  member_card_expiring: {
    title: '会员卡即将到期',
    body: (d, tz) => `您的「${d.cardName}」将于 ${at(d.expiresAt, tz)} 到期（还剩 ${d.daysLeft} 天），续费后专享价和权益不间断。`,
    page: () => 'package-card/pages/mine/index',
    display: (d, tz) => ({
      cardName: d.cardName,
      expiresAt: at(d.expiresAt, tz),
      daysLeft: String(d.daysLeft),
      tip: '会员卡即将到期，续费可继续享受权益',
    }),
  },
};

/** Per kind, the data keys a template field can be mapped to (what the console offers). */
export function dataKeysOf(kind: MessageKind): string[] {
  const samples: { [K in MessageKind]: MessageDataByKind[K] } = {
    order_shipped: { orderId: 1, orderNo: '', productName: '', carrier: '', trackingNo: '', shippedAt: new Date(0).toISOString() },
    refund_result: { orderId: 1, orderNo: '', refundNo: '', amountFen: 0, result: 'succeeded', at: new Date(0).toISOString() },
    points_expiring: { points: 0, expiresAt: new Date(0).toISOString() },
    coupon_expiring: { couponName: '', count: 0, expiresAt: new Date(0).toISOString() },
    check_in_reminder: { date: '', streakDays: 0 },
    redemption_shipped: { redemptionId: 1, itemName: '', carrier: '', trackingNo: '', shippedAt: new Date(0).toISOString() },
    member_card_expiring: { cardName: '', expiresAt: new Date(0).toISOString(), daysLeft: 0 },
  };
  // biome-ignore lint/suspicious/noExplicitAny: each kind's definition with its own sample.
  return Object.keys((MESSAGE_KIND_DEFINITIONS[kind] as KindDefinition<any>).display(samples[kind], 'Asia/Shanghai'));
}

export function renderMessage<K extends MessageKind>(kind: K, data: MessageDataByKind[K], timeZone: string) {
  const def = MESSAGE_KIND_DEFINITIONS[kind] as KindDefinition<K>;
  return { title: def.title, body: def.body(data, timeZone), page: def.page(data), display: def.display(data, timeZone) };
}

/**
 * Fits a value to the platform field's rules (docs/protocols/subscription-messages.md), so a long product name does
 * not make WeChat refuse the whole message (47003): `thing` ≤ 20 characters, `phrase` ≤ 5, `character_string` ≤ 32
 * printable ASCII, `number` digits; Douyin values ≤ 20 characters; Alipay's `keywordN` as they are.
 */
export function fitField(platform: LoginPlatform, field: string, value: string): string {
  const cut = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);
  if (platform === 'tt') return cut(value, 20);
  if (platform === 'alipay') return cut(value, 100);
  const kind = field.replace(/\d+$/, '');
  switch (kind) {
    case 'thing':
      return cut(value, 20);
    case 'phrase':
      return [...value.replace(/[^\u4e00-\u9fa5]/g, '')].slice(0, 5).join('') || '通知';
    case 'character_string':
      return value.replace(/[^\x21-\x7e ]/g, '').slice(0, 32) || '-';
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, 32) || '0';
    case 'symbol':
      return cut(value, 5);
    case 'car_number':
      return cut(value, 8);
    case 'name':
      return cut(value, 10);
    case 'amount':
      return value.replace(/[^\d.¥]/g, '');
    default:
      return value;
  }
}
