import { invite } from '../../../i18n/package-invite';

export default definePageConfig({
  navigationStyle: 'default',
  navigationBarTitleText: invite.title,
  // 转发 from the menu: the invitation (useShareAppMessage).
  enableShareAppMessage: true,
});
