import { t } from '../../../i18n/package-coupon';

export default definePageConfig({
  // Mini-programs draw their own bar; on H5 this shows Taro's, with a back (or home) button: the way back.
  navigationStyle: 'default',
  navigationBarTitleText: t.coupons.mineTitle,
  enablePullDownRefresh: true,
});
