import { t } from '../../../i18n/package-distribution';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: t.distribution.title,
  enablePullDownRefresh: true,
});
