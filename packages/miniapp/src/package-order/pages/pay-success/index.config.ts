import { t } from '../../../i18n/package-order';

export default definePageConfig({
  // H5 shows Taro's navigation bar (the title and a way back) only when asked for.
  navigationStyle: 'default',
  navigationBarTitleText: t.paySuccess.title,
});
