/**
 * Text of package-order (checkout, orders, refunds, payment), in Simplified Chinese. The orders, refund and payment
 * sections are also read by package-points (its redemptions are paid and refunded like orders).
 */
import type { OrderStatus, RefundStatus } from '@siyu/shared';
import { coupons } from './package-coupon';
import { zhCN } from './zh-CN';

export const orders = {
  listTitle: '我的订单',
  detailTitle: '订单详情',
  entry: '我的订单',
  viewAll: '全部订单',
  tabs: [
    { key: 'all', label: '全部' },
    { key: 'awaiting_payment', label: '待付款' },
    { key: 'paid', label: '待发货' },
    { key: 'shipped', label: '待收货' },
    { key: 'completed', label: '已完成' },
    { key: 'refunded', label: '退款' },
  ] as const,
  empty: '还没有相关订单',
  status: {
    awaiting_payment: '待付款',
    paid: '待发货',
    shipped: '待收货',
    completed: '已完成',
    cancelled: '已取消',
    refunded: '已退款',
  } satisfies Record<OrderStatus, string>,
  orderNo: (no: string) => `订单号：${no}`,
  itemsCount: (n: number) => `共 ${n} 件`,
  payable: '实付款',
  pay: '立即支付',
  payAgain: '继续支付',
  cancel: '取消订单',
  cancelConfirm: '确定取消这个订单吗？',
  cancelled: '订单已取消',
  confirmReceipt: '确认收货',
  confirmReceiptConfirm: '确认已经收到商品了吗？',
  received: '已确认收货',
  requestRefund: '申请退款',
  payBefore: (time: string) => `请在 ${time} 前完成支付，超时订单将自动关闭`,
  addressTitle: '收货信息',
  linesTitle: '商品',
  amountsTitle: '金额明细',
  timelineTitle: '订单进度',
  refundsTitle: '退款记录',
  refundedAmount: (amount: string) => `已退款 ${amount}`,
  shipping: (carrier: string, trackingNo: string) => `${carrier} ${trackingNo}`,
  remark: (text: string) => `备注：${text}`,
  createdAt: (time: string) => `下单时间：${time}`,
  paidAt: (time: string) => `支付时间：${time}`,
  event: (to: OrderStatus) => {
    const labels: Record<OrderStatus, string> = {
      awaiting_payment: '订单已提交，等待付款',
      paid: '支付成功，等待发货',
      shipped: '商家已发货',
      completed: '已确认收货，订单完成',
      cancelled: '订单已取消',
      refunded: '订单已全额退款',
    };
    return labels[to];
  },
} as const;

export const refund = {
  title: '申请退款',
  wholeOrder: '整单退款',
  chooseLines: '选择商品退款',
  wholeOrderHint: '退还全部商品（含运费）',
  reason: '退款原因',
  reasonPlaceholder: '请说明退款原因（必填）',
  reasons: ['不想要了', '拍错了/多拍了', '商品质量问题', '商家发货慢', '其他'],
  reasonRequired: '请填写退款原因',
  linesRequired: '请选择要退款的商品',
  submit: '提交退款申请',
  submitting: '提交中…',
  submitted: '退款申请已提交',
  refundable: (n: number) => `可退 ${n} 件`,
  quantity: '退款数量',
  amount: (amount: string) => `退款金额 ${amount}`,
  amountIncludesShipping: '含运费',
  amountPending: '选择商品后显示退款金额',
  amountDeduction: (amount: string) => `已扣除已使用积分抵扣 ${amount}`,
  covers: (items: string) => `退款商品：${items}`,
  coversItem: (title: string, n: number) => `${title} ×${n}`,
  status: {
    requested: '退款审核中',
    rejected: '退款被拒绝',
    processing: '退款处理中',
    succeeded: '已退款',
    failed: '退款失败',
  } satisfies Record<RefundStatus, string>,
  rejectReason: (text: string) => `拒绝原因：${text}`,
  refundNo: (no: string) => `退款单号：${no}`,
  notAllowed: '当前订单不能申请退款',
} as const;

export const payment = {
  paying: '正在支付…',
  confirming: '支付结果确认中',
  confirmingHint: '支付结果确认中，请稍后刷新订单',
  success: '支付成功',
  cancelled: '已取消支付',
  failed: '支付未完成，请重试',
  closed: '订单已关闭',
} as const;

export const checkout = {
  title: '确认订单',
  chooseAddress: '选择收货地址',
  addAddress: '添加收货地址',
  remark: '订单备注',
  remarkPlaceholder: '选填，给商家留言',
  payable: '实付款',
  submit: '提交订单',
  submitting: '提交中…',
  needAddress: '请先添加收货地址',
  lineProblems: {
    unavailable: '商品已下架或不可购买',
    insufficient_stock: '库存不足',
  },
  cannotSubmit: '部分商品暂时无法购买，请返回修改',
  nothingToBuy: '没有要结算的商品',
  quantity: (n: number) => `×${n}`,
  discounted: (amount: string) => `已优惠 ${amount}`,
  coupon: '优惠券',
  couponNone: '不使用',
  couponUnavailable: '无可用',
  couponUsableCount: (n: number) => `${n} 张可用`,
  couponSelectedCount: (n: number) => `已选 ${n} 张`,
  couponChoiceLost: '所选优惠券已不可用，已为你重新选择',
  couponRefused: '这张券不能和已选的券一起使用',
} as const;

/** The stored-value balance at checkout (decision 039). */
export const balancePay = {
  label: '余额支付',
  hint: (balance: string) => `可用余额 ${balance}`,
  using: (amount: string) => `本单余额抵扣 ${amount}，其余在线支付`,
  none: '暂无可用余额',
  platformRest: (amount: string) => `还需支付 ${amount}`,
};

export const paySuccess = {
  title: '支付成功',
  heading: '支付成功',
  confirming: '正在确认支付结果…',
  notPaid: '订单尚未支付',
  amount: '实付金额',
  orderNo: '订单编号',
  paidAt: '支付时间',
  pointsEarned: '获得积分',
  pointsEarnedValue: (points: number) => `+${points}（订单完成后到账）`,
  next: '商家将尽快为你发货，可在订单详情查看进度',
  viewOrder: '查看订单',
  continueShopping: '继续逛逛',
} as const;

/** `t` for package-order pages: the main package's text and the sections above. */
export const t = { ...zhCN, coupons, orders, refund, payment, checkout, paySuccess, balancePay };
