import { t } from '../../../i18n/package-check-in';

export default definePageConfig({
  navigationBarTitleText: t.checkIn.title,
});
