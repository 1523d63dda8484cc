/**
 * The coupon section: the coupon pages, and the coupon code other sub-packages share (lib/coupons.ts, the coupon
 * cards, the claim sheet), in Simplified Chinese.
 */
import type { CouponUnusableReason } from '@siyu/shared';
import { zhCN } from './zh-CN';

export const coupons = {
  centreTitle: '领券中心',
  centreHeroTitle: '好券天天领',
  centreHeroHint: '先领券再下单，结算自动抵扣',
  mineTitle: '我的优惠券',
  detailTitle: '优惠券详情',
  yuanSign: '¥',
  /** "8.5" of 8.5折: the share paid, in tenths. */
  zheUnit: '折',
  freeShipping: '包邮',
  // Rule parts
  threshold: (yuan: string) => `满${yuan}元可用`,
  noThreshold: '无门槛',
  cap: (yuan: string) => `最多减${yuan}元`,
  freeShippingRule: '免运费',
  // Short tags (product page, checkout): 满199减20, 无门槛减10, 满100享8.5折, 满99包邮
  tagThresholdOff: (threshold: string, amount: string) => `满${threshold}减${amount}`,
  tagNoThresholdOff: (amount: string) => `无门槛减${amount}`,
  tagPercentOff: (zhe: string) => `${zhe}折`,
  tagPercentOffThreshold: (threshold: string, zhe: string) => `满${threshold}享${zhe}折`,
  tagFreeShipping: '包邮',
  tagFreeShippingThreshold: (threshold: string) => `满${threshold}包邮`,
  // Scope
  scopeAll: '全店通用',
  scopeAllExcept: '全店通用（部分商品除外）',
  scopeCategories: '限指定分类商品',
  scopeCategoriesNamed: (names: string) => `限${names}分类商品`,
  scopeProducts: '限指定商品',
  scopeExcept: '部分商品除外',
  tierRequired: (level: number) => `${level} 级及以上会员可用`,
  // Validity
  validRange: (from: string, until: string) => `${from} - ${until}`,
  validUntil: (until: string) => `有效期至 ${until}`,
  validDays: (days: number) => `领取后 ${days} 天内有效`,
  validDaysNextDay: (days: number) => `领取后次日起 ${days} 天内有效`,
  // Badges and states
  expiringSoon: '即将过期',
  notYetValid: '未生效',
  locked: '待支付订单占用中',
  used: '已使用',
  expired: '已过期',
  claim: '领取',
  claiming: '领取中…',
  claimed: '已领取',
  soldOut: '已抢光',
  claimedCount: (n: number) => `已领 ${n} 张`,
  claimSuccess: '领取成功',
  claimErrors: {
    COUPON_SOLD_OUT: '手慢了，券已被抢光',
    LIMIT_REACHED: '已达到领取上限',
    RATE_LIMITED: '操作太频繁，请稍后再试',
    INVALID_STATE: '该券暂不可领取',
    NOT_FOUND: '该券已下架',
  },
  use: '去使用',
  notFound: '优惠券不存在或已失效',
  mineEntry: '我的优惠券',
  centreEntry: '领券中心',
  excludedTitle: '不参与的商品',
  scopeProductsTitle: '可用商品',
  tabs: [
    { key: 'usable', label: '可使用' },
    { key: 'used', label: '已使用' },
    { key: 'expired', label: '已过期' },
  ] as const,
  empty: {
    usable: '暂无可用的优惠券',
    used: '暂无已使用的优惠券',
    expired: '暂无已过期的优惠券',
  },
  centreEmpty: '暂时没有可领取的优惠券，晚点再来看看',
  goCentre: '去领券中心',
  // Redemption code
  codeLabel: '兑换码',
  codePlaceholder: '请输入兑换码',
  redeem: '兑换',
  redeeming: '兑换中…',
  redeemSuccess: '兑换成功',
  codeRequired: '请输入兑换码',
  redeemErrors: {
    COUPON_CODE_INVALID: '兑换码不存在，请核对后重新输入',
    COUPON_CODE_USED: '这个兑换码已经被使用过了',
    RATE_LIMITED: '尝试次数过多，请稍后再试',
    VALIDATION_FAILED: '兑换码格式不正确，请核对后重新输入',
    LIMIT_REACHED: '你已领过这张券，不能重复兑换',
    COUPON_SOLD_OUT: '这张券已被领完',
    INVALID_STATE: '这张券暂不可兑换',
  },
  // Detail
  ruleTitle: '使用规则',
  scopeTitle: '适用范围',
  validityTitle: '有效期',
  howTitle: '使用说明',
  howSteps: ['将符合条件的商品加入购物车或立即购买', '在确认订单页点击“优惠券”，选择这张券', '满足使用门槛即可抵扣，实付金额以确认订单页为准'],
  stacksWith: (kinds: string) => `可与${kinds}同时使用`,
  stacksWithNone: '不可与其他优惠券同时使用',
  kindNames: {
    threshold_off: '满减券',
    no_threshold_off: '无门槛券',
    percent_off: '折扣券',
    free_shipping: '包邮券',
  },
  listSeparator: '、',
  sourceTitle: '获得方式',
  sources: {
    claim: '领券中心领取',
    new_member: '新人礼包',
    targeted: '商家发放',
    code: '兑换码兑换',
    gift: '赠送',
  },
  claimedAt: (time: string) => `领取时间：${time}`,
  usedAt: (time: string) => `使用时间：${time}`,
  viewOrder: '查看订单',
  timeZoneNote: (zone: string) => `时间为商家所在时区（${zone}）`,
  // Checkout chooser
  chooserTitle: '选择优惠券',
  chooserUsable: (n: number) => `可用优惠券（${n}）`,
  chooserUnusable: (n: number) => `不可用优惠券（${n}）`,
  chooserSaving: (n: number, amount: string) => `已选 ${n} 张，共抵扣 ${amount}`,
  chooserNoneChosen: '未使用优惠券',
  chooserNone: '不使用优惠券',
  chooserEmpty: '暂无优惠券',
  savesAlone: (amount: string) => `单独使用可省 ${amount}`,
  // Product page
  productRow: '领券',
  productSheetTitle: '领取优惠券',
  close: '关闭',
  // Unusable reasons when the server gives no words (it normally does)
  reasons: {
    below_threshold: '未达到使用门槛',
    outside_scope: '所选商品不在使用范围内',
    not_yet_valid: '未到使用时间',
    expired: '已过期',
    tier_too_low: '会员等级不足',
    does_not_stack: '不能与已选的券同时使用',
    in_use: '已被未支付的订单占用',
  } satisfies Record<CouponUnusableReason, string>,
} as const;

/** `t` for package-coupon pages: the main package's text and the sections above. */
export const t = { ...zhCN, coupons };
