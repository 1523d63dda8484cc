/**
 * Text of package-check-in (the check-in page: cycles and the calendar), in Simplified Chinese.
 */
import { zhCN } from './zh-CN';

export const checkInCycles = {
  cycleTitle: { week: '本周累计签到', month: '本月累计签到' } as Record<string, string>,
  cycleCount: (n: number) => `${n} 天`,
  cycleRange: (start: string, end: string) => `${start.slice(5).replace('-', '月')}日 - ${end.slice(5).replace('-', '月')}日`,
  milestoneDays: (n: number) => `${n}天`,
  milestoneReward: (points: number, growth: number) => (points > 0 ? `+${points}积分` : `+${growth}成长值`),
  milestoneClaimed: '已领取',
  milestoneToGo: (n: number) => `还差${n}天`,
  bonusToast: (points: number) => `累计签到奖励 +${points} 积分`,
  legendChecked: '已签到',
  legendMadeUp: '已补签',
  legendMissed: '可补签',
  makeUpSummary: (left: number, cost: number) => (cost > 0 ? `本周期还可补签 ${left} 次，每次消耗 ${cost} 积分` : `本周期还可免费补签 ${left} 次`),
  makeUpNoneLeft: '本周期的补签次数已用完',
  makeUpHint: '点击日历中虚线圈出的日期即可补签',
  makeUpTitle: '补签',
  makeUpConfirm: (date: string, cost: number, left: number) =>
    `补签 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日${cost > 0 ? `，消耗 ${cost} 积分` : '（免费）'}。本周期还剩 ${left} 次补签机会。`,
  makeUpConfirmButton: '确认补签',
  makeUpCancel: '再想想',
  makeUpBusy: '补签中…',
  makeUpDone: (streak: number) => `补签成功，已连续签到 ${streak} 天`,
  makeUpRefused: {
    INSUFFICIENT_POINTS: '积分不足，无法补签',
    MAKE_UP_LIMIT_REACHED: '本周期的补签次数已用完',
    MAKE_UP_DISABLED: '商家暂未开放补签',
    MAKE_UP_NOT_ALLOWED: '这一天不能补签',
    ALREADY_CHECKED_IN: '这一天已经签到过了',
  } as Record<string, string>,
  makeUpFailed: '补签失败，请稍后重试',
  madeUpMark: '补',
  rulesCycle: { streak: '', week: '每周一重新开始计算签到奖励和累计天数。', month: '每月 1 日重新开始计算签到奖励和累计天数。' } as Record<
    string,
    string
  >,
  rulesMilestones: (list: string) => `累计签到奖励：${list}，每个周期各领一次。`,
  rulesMilestoneItem: (n: number, points: number, growth: number) =>
    `满${n}天${points > 0 ? `得${points}积分` : ''}${growth > 0 ? `${points > 0 ? '和' : '得'}${growth}成长值` : ''}`,
  rulesMakeUp: (cost: number, max: number, payReward: boolean) =>
    `漏签的日子可在本周期内补签，每周期最多 ${max} 次${cost > 0 ? `，每次消耗 ${cost} 积分` : ''}；补签可恢复连续天数${payReward ? '，并获得当天的签到积分' : '，但不发放当天的签到积分'}。`,
} as const;

/** `t` for package-check-in pages: the main package's text and the sections above. */
export const t = { ...zhCN, checkInCycles };
