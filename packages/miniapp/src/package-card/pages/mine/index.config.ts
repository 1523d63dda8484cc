import { t } from '../../../i18n/package-card';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: t.card.mineTitle,
  enablePullDownRefresh: true,
});
