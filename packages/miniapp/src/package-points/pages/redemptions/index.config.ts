import { t } from '../../../i18n/package-points';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: t.mall.redemptionsTitle,
  enablePullDownRefresh: true,
});
