import { wallet } from '../../../i18n/package-wallet';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: wallet.title,
  enablePullDownRefresh: true,
});
