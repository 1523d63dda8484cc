import { t } from '../../../i18n/package-product';

export default definePageConfig({
  navigationBarTitleText: t.product.title,
  // 转发 from the menu (WeChat, Alipay, Douyin): the product with the sharer's member id (useShareAppMessage).
  enableShareAppMessage: true,
});
