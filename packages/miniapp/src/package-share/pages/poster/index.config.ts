import { t } from '../../../i18n/zh-CN';

export default definePageConfig({
  navigationBarTitleText: t.poster.title,
});
