import { t } from '../../../i18n/package-message';

export default definePageConfig({
  // H5 shows Taro's navigation bar (the title and a way back) only when asked for.
  navigationStyle: 'default',
  navigationBarTitleText: t.messages.title,
  enablePullDownRefresh: true,
});
