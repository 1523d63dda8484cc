/**
 * Text of package-card (the paid membership card: its purchase page and its benefits page), in Simplified Chinese.
 */
import { payment } from './package-order';
import { zhCN } from './zh-CN';

export const card = {
  buyTitle: '开通会员卡',
  mineTitle: '我的会员卡',
  empty: '商家暂未开通付费会员卡',
  price: (yuan: string, months: number) => (months === 12 ? `${yuan}/年` : months === 1 ? `${yuan}/月` : `${yuan}/${months}个月`),
  benefitsTitle: '会员权益',
  memberPrice: (bp: number) => `全场会员价 ${((10_000 - bp) / 1000).toFixed(1).replace(/\.0$/, '')} 折`,
  freeShipping: '全场包邮',
  points: (bp: number) => `积分 ${(bp / 10_000).toFixed(1).replace(/\.0$/, '')} 倍`,
  coupons: (n: number) => `每月领 ${n} 张专享券`,
  distribute: '可参与分销赚佣金',
  estimate: (days: number, orders: number, saved: string) =>
    orders > 0 ? `按你近 ${days} 天的 ${orders} 笔订单估算，开通可省 ${saved}` : `近 ${days} 天暂无订单，开通后下单即享会员价`,
  buy: (price: string) => `立即开通 ${price}`,
  renew: (price: string) => `续费 ${price}`,
  renewHint: '续费从当前到期日起顺延',
  refundRule: (days: number) => (days > 0 ? `开通 ${days} 天内未使用任何权益可全额退款，之后不退` : '开通后不支持退款'),
  pendingOrder: '你有一笔会员卡订单待支付，请先支付或取消',
  paid: '开通成功',
  active: '生效中',
  expired: '已过期',
  refunded: '已退款',
  daysLeft: (n: number) => `剩余 ${n} 天`,
  expiresAt: (date: string) => `${date} 到期`,
  saved: (yuan: string) => `已为你节省 ${yuan}`,
  savingsTitle: '节省明细',
  savingsEmpty: '使用会员价或包邮下单后，这里会记录每笔节省',
  savingLine: (orderId: number) => `订单 ${orderId}`,
  refundableUntil: (date: string) => `${date} 前未使用权益可申请全额退款`,
  goBuy: '去开通',
  goRenew: '去续费',
  none: '你还没有开通会员卡',
} as const;

/** `t` for package-card pages: the main package's text and the sections above. */
export const t = { ...zhCN, payment, card };
