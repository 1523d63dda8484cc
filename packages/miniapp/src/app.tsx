import { SHARE_QUERY_KEY } from '@siyu/shared/constants';
import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { t } from './i18n/zh-CN';
import { watchPageLoads } from './platform/page-load';
import { setAttribution, startTracker } from './lib/tracker';
import { useCart } from './stores/cart-store';
import { useSession } from './stores/session-store';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch((launch) => {
    const q = (launch?.query ?? {}) as Record<string, string | undefined>;
    // The share id a shared card or code carries (decision 034); the server gives it its channel.
    setAttribution({ channel: q.channel, shareId: q[SHARE_QUERY_KEY] });
    startTracker();
    // A page that cannot be fetched (H5 with the server down) is said in words, not a silent tap.
    watchPageLoads(() => void Taro.showToast({ title: t.store.serverDown, icon: 'none', duration: 3000 }));
    // Silent login: reuse the stored session, or log in with the platform's one-time code.
    // Pages wait on the same login through the API client; a failure shows their retry prompt.
    useSession
      .getState()
      .ensureSession()
      .then(() => useCart.getState().load())
      .catch(() => undefined);
  });
  return children;
}

export default App;
