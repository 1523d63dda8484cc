import { t } from './i18n/zh-CN';

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/category/index', 'pages/cart/index', 'pages/member/index'],
  // The main package holds the four tab pages and what they share; every other page is in a sub-package, loaded on
  // first use (docs/decisions/031-main-package-layout.md).
  subPackages: [
    // Product detail and search: opened from every tab, and straight from a shared link.
    { root: 'package-product', pages: ['pages/detail/index', 'pages/search/index'] },
    { root: 'package-check-in', pages: ['pages/check-in/index'] },
    {
      root: 'package-order',
      pages: ['pages/checkout/index', 'pages/list/index', 'pages/detail/index', 'pages/refund/index', 'pages/pay-success/index'],
    },
    { root: 'package-address', pages: ['pages/list/index', 'pages/edit/index'] },
    { root: 'package-coupon', pages: ['pages/centre/index', 'pages/mine/index', 'pages/detail/index'] },
    {
      root: 'package-points',
      pages: ['pages/history/index', 'pages/mall/index', 'pages/mall-item/index', 'pages/redemptions/index', 'pages/redemption/index'],
    },
    { root: 'package-member', pages: ['pages/benefits/index', 'pages/growth/index', 'pages/profile/index', 'pages/privacy/index'] },
    { root: 'package-favourite', pages: ['pages/list/index'] },
    // The paid membership card: its purchase page and its benefits page.
    { root: 'package-card', pages: ['pages/buy/index', 'pages/mine/index'] },
    // The share poster's canvas drawing, used on a tap of 生成海报.
    { root: 'package-share', pages: ['pages/poster/index'] },
    { root: 'package-message', pages: ['pages/centre/index'] },
    // 邀请有礼: the rules, the invitation poster with the platform's code, my invitations, the leaderboard.
    { root: 'package-invite', pages: ['pages/index/index'] },
    // 分销中心: a distributor's earnings, commission orders, team and withdrawals.
    { root: 'package-distribution', pages: ['pages/centre/index'] },
    // Stored value (我的余额, top-ups) and the member code for the counter (decision 039).
    { root: 'package-wallet', pages: ['pages/balance/index', 'pages/member-code/index'] },
  ],
  // While a tab page is shown, fetch the sub-package its taps lead to (WeChat, Alipay and Douyin read the same key).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['package-product', 'package-check-in'] },
    'pages/category/index': { network: 'all', packages: ['package-product'] },
    'pages/cart/index': { network: 'all', packages: ['package-order'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: t.app.name,
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a8a8f',
    selectedColor: '#e4473b',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: t.tabBar.home, iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      {
        pagePath: 'pages/category/index',
        text: t.tabBar.category,
        iconPath: 'assets/tab-category.png',
        selectedIconPath: 'assets/tab-category-active.png',
      },
      { pagePath: 'pages/cart/index', text: t.tabBar.cart, iconPath: 'assets/tab-cart.png', selectedIconPath: 'assets/tab-cart-active.png' },
      { pagePath: 'pages/member/index', text: t.tabBar.member, iconPath: 'assets/tab-member.png', selectedIconPath: 'assets/tab-member-active.png' },
    ],
  },
});
