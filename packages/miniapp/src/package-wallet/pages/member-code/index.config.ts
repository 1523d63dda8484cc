import { memberCode } from '../../../i18n/package-wallet';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: memberCode.title,
});
