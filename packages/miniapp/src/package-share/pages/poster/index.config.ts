import { t } from '../../../i18n/package-share';

export default definePageConfig({
  navigationBarTitleText: t.poster.title,
});
