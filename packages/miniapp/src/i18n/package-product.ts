/**
 * Text of package-product (product detail and search), in Simplified Chinese.
 */
import { coupons } from './package-coupon';
import { poster } from './package-share';
import { zhCN } from './zh-CN';

export const searchFilter = {
  open: '筛选',
  title: '筛选',
  category: '分类',
  allCategories: '全部',
  price: '价格区间（元）',
  minPlaceholder: '最低价',
  maxPlaceholder: '最高价',
  priceInvalid: '请输入金额，最多两位小数',
  priceTooHigh: '金额不能超过 1000000 元',
  priceOrder: '最高价不能低于最低价',
  reset: '重置',
  apply: '确定',
  clear: '清除筛选',
  priceFrom: (yuan: string) => `¥${yuan} 以上`,
  priceUpTo: (yuan: string) => `¥${yuan} 以下`,
  priceBetween: (min: string, max: string) => `¥${min}-¥${max}`,
} as const;

/** `t` for package-product pages: the main package's text and the sections above. */
/** 赚 ¥x: a distributor's level-1 commission on one unit (分销, decision 036). */
export const earning = { earn: (yuan: string) => `分享赚 ${yuan}` };

export const t = { ...zhCN, coupons, poster, searchFilter, earning };
