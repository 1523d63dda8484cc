/** Text of package-message (the message centre, 站内信), in Simplified Chinese. */
export const messages = {
  title: '消息中心',
  empty: '暂无消息',
  emptyHint: '订单发货、退款、积分与优惠券到期时，会在这里通知你',
  readAll: '全部已读',
  unread: '未读',
  failed: '操作失败，请稍后再试',
  view: '查看',
} as const;

export const t = { messages };
