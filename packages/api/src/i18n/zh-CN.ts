import { fenToYuanString } from '@siyu/shared/money';

/** Shopper- and merchant-facing text the API itself produces. Everything else it says is for developers, in English. */
export const zhCN = {
  /** A new member's nickname when the platform gives none: the platform's usual words and four digits. */
  defaultNickname: (platform: 'weapp' | 'alipay' | 'tt', digits: string) =>
    `${{ weapp: '微信用户', alipay: '支付宝用户', tt: '抖音用户' }[platform]}${digits}`,
  /** Order breakdown lines (discount lines bring their own label from the module that offers them). */
  breakdown: {
    items: '商品金额',
    shipping: { flat: '运费', free_threshold: '运费（满额包邮）', none: '运费' },
  },
  /** The payment description shown on the platform's payment sheet: the first item, then the unit count. */
  paymentDescription: (firstTitle: string, units: number, many: boolean) => (many ? `${firstTitle} 等${units}件` : firstTitle),
  defaultOrderTitle: '订单',
  orderStatus: { awaiting_payment: '待付款', paid: '待发货', shipped: '已发货', completed: '已完成', cancelled: '已取消', refunded: '已退款' },
  platform: { weapp: '微信', alipay: '支付宝', tt: '抖音' },
  /** Column headers of the merchant's order export, in order. */
  orderExportColumns: [
    '订单号',
    '下单时间',
    '状态',
    '下单平台',
    '会员ID',
    '商品',
    '件数',
    '商品金额',
    '运费',
    '优惠',
    '实付金额',
    '已退款',
    '支付平台',
    '支付时间',
    '物流公司',
    '运单号',
    '备注',
  ],
  /** Why a coupon cannot be used on a checkout (shown beside it). */
  coupons: {
    notYetValid: (fromLocal: string) => `${fromLocal.slice(0, 16)} 起可用`,
    expired: '已过期',
    tierTooLow: (level: number) => `需达到 ${level} 级会员`,
    outsideScope: '所选商品不在使用范围内',
    notWithTierPrice: '不与会员价同享',
    belowThreshold: (thresholdFen: number) => `满 ¥${fenToYuanString(thresholdFen)} 可用`,
    notWithCoupon: (name: string) => `不与「${name}」同享`,
    inUse: '已被未支付的订单占用',
  },
  points: {
    checkoutLabel: '积分抵扣',
    checkoutOff: '本店暂不支持积分抵扣',
    noneAvailable: '暂无可用积分',
    notWithCoupon: '所选优惠券不与积分同享',
    tooLittle: '积分不足以抵扣',
  },
  /** Breakdown lines of a tier's benefits. */
  tiers: {
    /** 金卡 and 金卡会员 both read 金卡会员价 (not 金卡会员会员价). */
    memberPrice: (tierName: string) => `${tierName.replace(/会员$/, '')}会员价`,
    freeShipping: (tierName: string) => `${tierName}包邮`,
  },
  /** The paid membership card's lines in a checkout's breakdown. */
  memberCards: {
    memberPrice: (cardName: string) => `${cardName}专享价`,
    freeShipping: (cardName: string) => `${cardName}包邮`,
    orderTitle: (cardName: string) => `开通${cardName}`,
  },
  /** Binding a phone number: the words for each way it can fail (error details `hint`). */
  phone: {
    errors: {
      PHONE_PROOF_INVALID: '手机号授权已失效，请重新点击获取',
      PHONE_REFUSED: '未能获取手机号，请确认已授权后重试',
      SESSION_STALE: '登录已过期，请重新登录后再试',
      PLATFORM_BUSY: '平台繁忙，请稍后再试',
      PLATFORM_UNAVAILABLE: '暂时无法获取手机号，请稍后再试',
      RATE_LIMITED: '操作太频繁，请稍后再试',
    },
  },
  /** A closed account (decision 019): what stands in for the member's name in the records kept. */
  members: {
    closedNickname: '已注销用户',
    /** The note on a ledger entry that takes back a credit both merged members had for one event. */
    mergeReversalNote: '账号合并：重复奖励冲回',
    /** The note on a tier change a merge made (the survivor takes the higher tier). */
    mergeTierNote: '账号合并',
  },
  /** Notes on the ledger entries of check-in cycles (the reason is check_in; the note says which). */
  checkIn: {
    cumulativeReward: (count: number) => `累计签到 ${count} 天奖励`,
    makeUpCost: (date: string) => `补签 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
    madeUpDay: (date: string) => `补签 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
  },
} as const;
