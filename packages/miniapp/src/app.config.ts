import { t } from './i18n/zh-CN';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/cart/index',
    'pages/member/index',
    'pages/check-in/index',
    'pages/search/index',
    'pages/product/index',
  ],
  // Checkout, orders, addresses, coupons and points load on first use: the main package stays small (see lib/routes.ts).
  subPackages: [
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
    // The share poster's canvas drawing, used on a tap of 生成海报.
    { root: 'package-share', pages: ['pages/poster/index'] },
  ],
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
