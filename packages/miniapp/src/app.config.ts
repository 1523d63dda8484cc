import { t } from './i18n/zh-CN'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/check-in/index', 'pages/member/index'],
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
      { pagePath: 'pages/member/index', text: t.tabBar.member, iconPath: 'assets/tab-member.png', selectedIconPath: 'assets/tab-member-active.png' },
    ],
  },
})
