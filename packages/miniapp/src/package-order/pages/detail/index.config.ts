import { t } from '../../../i18n/package-order';

export default definePageConfig({
  navigationBarTitleText: t.orders.detailTitle,
  enablePullDownRefresh: true,
});
