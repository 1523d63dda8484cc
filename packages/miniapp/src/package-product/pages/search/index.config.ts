import { t } from '../../../i18n/package-product';

export default definePageConfig({
  navigationBarTitleText: t.catalog.searchButton,
});
