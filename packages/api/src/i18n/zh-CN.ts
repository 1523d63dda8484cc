/** Shopper- and merchant-facing text the API itself produces. Everything else it says is for developers, in English. */
export const zhCN = {
  defaultNickname: (suffix: string) => `会员${suffix}`,
} as const;
