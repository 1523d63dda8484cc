import { t } from '../../../i18n/zh-CN';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: t.centre.privacy.title,
});
