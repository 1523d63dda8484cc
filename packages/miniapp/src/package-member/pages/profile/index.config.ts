import { t } from '../../../i18n/package-member';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: t.centre.profile.title,
});
