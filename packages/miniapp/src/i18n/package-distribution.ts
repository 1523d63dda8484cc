/**
 * Text of package-distribution (分销中心), in Simplified Chinese.
 */
export const distribution = {
  title: '分销中心',
  statuses: {
    none: '还不是分销员',
    pending: '申请审核中',
    active: '分销员',
    frozen: '分销资格已冻结',
    refused: '申请未通过',
  } as Record<string, string>,
  how: {
    apply: '提交申请，商家审核通过后即可推广赚佣金',
    tier: (level: number) => `会员等级达到 Lv${level} 即可成为分销员`,
    task: (checkIns: number, paidOrder: boolean) =>
      `${[checkIns > 0 ? `累计签到 ${checkIns} 天` : '', paidOrder ? '完成 1 笔订单' : ''].filter(Boolean).join(' 或 ')} 即可成为分销员`,
    card: '开通付费会员卡即可成为分销员',
  },
  apply: '申请成为分销员',
  applied: '已提交申请',
  notQualified: '暂未满足条件',
  frozen: '待结算',
  balance: '可提现',
  withdrawn: '已提现',
  debt: (yuan: string) => `待抵扣 ${yuan}`,
  settledTotal: (yuan: string) => `累计结算 ${yuan}`,
  tabs: [
    { key: 'orders', label: '佣金订单' },
    { key: 'team', label: '我的团队' },
    { key: 'withdrawals', label: '提现记录' },
  ] as const,
  commissionStatus: { frozen: '待结算', settled: '已结算', cancelled: '已取消' } as Record<string, string>,
  level: (n: number) => (n === 1 ? '一级' : '二级'),
  orderNo: (id: number) => `订单 ${id}`,
  noOrders: '还没有佣金订单，分享商品给好友吧',
  direct: (n: number) => `直属客户 ${n} 人`,
  second: (n: number) => `二级客户 ${n} 人`,
  noTeam: '还没有客户',
  boundAt: (date: string) => `${date} 绑定`,
  withdrawTitle: '提现',
  amountPlaceholder: '提现金额（元）',
  platforms: { weapp: '微信零钱', alipay: '支付宝', tt: '人工打款' } as Record<string, string>,
  withdraw: '申请提现',
  withdrawing: '提交中…',
  withdrawDone: '已提交，等待审核',
  withdrawalStatus: {
    requested: '待审核',
    refused: '已拒绝（已退回）',
    paying: '打款中',
    awaiting_confirmation: '待确认收款',
    paid: '已到账',
    failed: '打款失败（已退回）',
  } as Record<string, string>,
  confirmReceipt: '确认收款',
  noWithdrawals: '还没有提现记录',
  fee: (yuan: string) => `手续费 ${yuan}`,
  errors: {
    amount: '请输入正确的金额',
    INSUFFICIENT_BALANCE: '可提现佣金不足',
    LIMIT_REACHED: '超过今日提现额度',
    NOT_QUALIFIED: '暂未满足分销员条件',
    server: '出错了，请稍后再试',
  } as Record<string, string>,
  earn: (yuan: string) => `赚 ${yuan}`,
};

export const t = { distribution };
