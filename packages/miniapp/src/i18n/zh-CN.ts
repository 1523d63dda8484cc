/**
 * Every shopper-facing string of the storefront, in Simplified Chinese. Nothing else in src/ holds Chinese text:
 * add a key here and read it through `t`. Functions take the numbers they show.
 */
import type { PointsEntry } from '@siyu/shared'

export const zhCN = {
  app: {
    name: '私域商城',
  },
  tabBar: {
    home: '首页',
    member: '我的',
  },
  common: {
    loading: '加载中…',
    retry: '重试',
    loadFailed: '加载失败，请稍后重试',
    networkError: '网络不太顺畅，请稍后重试',
    pointsUnit: '积分',
    points: (n: number) => `${n} 积分`,
    pointsDelta: (n: number) => (n > 0 ? `+${n}` : `${n}`),
  },
  session: {
    loggingIn: '正在登录…',
    loginFailed: '登录失败，请稍后重试',
  },
  home: {
    title: '首页',
    greeting: (nickname: string) => `你好，${nickname}`,
    greetingAnonymous: '你好，欢迎光临',
    pointsLabel: '我的积分',
    checkInCardTitle: '每日签到',
    checkInCardHint: '天天签到领积分，连续签到奖励更多',
    checkInCardAction: '去签到',
    recommendTitle: '为你推荐',
    recommendEmpty: '好物正在上架中，敬请期待',
    couponsTitle: '领券中心',
    couponsEmpty: '优惠券即将上线',
  },
  checkIn: {
    title: '每日签到',
    streak: (days: number) => `已连续签到 ${days} 天`,
    todayReward: (points: number) => `今日签到 +${points} 积分`,
    todayRewardDone: (points: number) => `今日已得 +${points} 积分`,
    tomorrowReward: (points: number) => `明日签到 +${points} 积分`,
    button: '立即签到',
    buttonBusy: '签到中…',
    checkedInToday: '今日已签到',
    success: (points: number) => `签到成功，获得 ${points} 积分`,
    successToast: (points: number) => `签到成功 +${points}`,
    alreadyToast: '今天已经签过到啦',
    failed: '签到失败，请稍后重试',
    calendarTitle: (year: number, month: number) => `${year}年${month}月`,
    prevMonth: '上个月',
    nextMonth: '下个月',
    weekdays: ['日', '一', '二', '三', '四', '五', '六'],
    rulesTitle: '签到奖励',
    ruleDay: (day: number) => `第${day}天`,
    ruleReward: (points: number) => `+${points}`,
    afterCycleRestart: (days: number) => `连续签到满 ${days} 天后从第 1 天重新计算`,
    afterCycleHold: (days: number, points: number) => `连续签到满 ${days} 天后，每天 +${points} 积分`,
    missedResets: '中断一天，连续天数从 1 重新开始',
  },
  member: {
    title: '我的',
    nicknameFallback: '会员',
    pointsLabel: '积分余额',
    ledgerTitle: '积分明细',
    ledgerEmpty: '还没有积分记录，去签到领积分吧',
    loadMore: '加载更多',
    loadingMore: '加载中…',
    noMore: '没有更多了',
    reasons: {
      check_in: '每日签到',
      adjustment: '积分调整',
    } satisfies Record<PointsEntry['reason'], string>,
    reasonUnknown: '积分变动',
  },
} as const

export const t = zhCN
export type Messages = typeof zhCN
