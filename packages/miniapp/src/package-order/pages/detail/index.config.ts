import { t } from '../../../i18n/zh-CN';

export default definePageConfig({
  navigationBarTitleText: t.orders.detailTitle,
  enablePullDownRefresh: true,
});
