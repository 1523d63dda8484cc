/** Text of package-invite (邀请有礼), in Simplified Chinese. */
import type { InvitationStatus } from '@siyu/shared';
import { zhCN } from './zh-CN';

export const invite = {
  title: '邀请有礼',
  rulesTitle: '活动规则',
  inviterGets: '好友首单支付后你可得',
  inviteeGets: '好友注册即得新人礼',
  points: (n: number) => `${n} 积分`,
  coupons: (n: number) => `${n} 张优惠券`,
  growth: (n: number) => `${n} 成长值`,
  nothing: '暂无奖励',
  windowRule: (days: number) => `好友首单支付 ${days} 天内未退款，奖励自动发放`,
  capRule: (n: number) => `每人每天最多 ${n} 位好友计入奖励`,
  phoneRule: '好友需绑定手机号',
  off: '活动暂未开启',
  posterButton: '生成邀请海报',
  shareButton: '分享给好友',
  posterTitle: '扫码加入，领新人礼',
  posterHint: '长按保存海报，或截图分享',
  posterFailed: '邀请码生成失败，请重试',
  mineTitle: '我的邀请',
  mineSummary: (invited: number, pending: number, granted: number) => `已邀请 ${invited} 人 · 待发放 ${pending} · 已发放 ${granted}`,
  earned: (points: number) => `累计获得 ${points} 积分`,
  empty: '还没有邀请好友，快去分享吧',
  boardTitle: '本月邀请榜',
  boardEmpty: '本月还没有人上榜',
  myRank: (rank: number | null, invited: number) => (rank ? `我的排名：第 ${rank} 名（${invited} 人）` : '我还未上榜'),
  rankInvited: (n: number) => `${n} 人`,
  status: {
    bound: '待首单',
    pending: '待发放',
    granted: '已发放',
    cancelled: '已退款取消',
    withheld: '审核未通过',
    over_cap: '超出每日上限',
    void: '不符合条件',
  } satisfies Record<InvitationStatus, string>,
  shareTitle: '送你一份新人礼，一起来逛逛',
} as const;

/** `t` for package-invite pages: the main package's text and the section above. */
export const t = { ...zhCN, invite };
