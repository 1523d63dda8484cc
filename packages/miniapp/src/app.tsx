import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { t } from './i18n/zh-CN';
import { TARGET } from './env';
import { watchPageLoads } from './platform/page-load';
import { api } from './api/client';
import { rememberShareId, shareIdFromQuery, takeShareId } from './lib/share-landing';
import { setAttribution, startTracker } from './lib/tracker';
import { useCart } from './stores/cart-store';
import { useSession } from './stores/session-store';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // Opened through a share (a card's `s`, a code's scene): kept for the login, or posted now if a session is open.
    const query =
      TARGET === 'h5' ? Object.fromEntries(new URLSearchParams(window.location.search || window.location.hash.split('?')[1] || '')) : options?.query;
    const q = (query ?? {}) as Record<string, string | undefined>;
    const shareId = shareIdFromQuery(q);
    rememberShareId(shareId);
    // Behaviour events carry the visit's attribution (the server gives a live share id its channel).
    setAttribution({ channel: q.channel, shareId: shareId ?? undefined });
    startTracker();
    // A page that cannot be fetched (H5 with the server down) is said in words, not a silent tap.
    watchPageLoads(() => void Taro.showToast({ title: t.store.serverDown, icon: 'none', duration: 3000 }));
    // Silent login: reuse the stored session, or log in with the platform's one-time code.
    // Pages wait on the same login through the API client; a failure shows their retry prompt.
    useSession
      .getState()
      .ensureSession()
      .then(() => {
        // The session was already open (the login did not take the share id): post the landing.
        const shareId = takeShareId();
        if (shareId) void api.recordLanding({ shareId }).catch(() => undefined);
        return useCart.getState().load();
      })
      .catch(() => undefined);
  });
  return children;
}

export default App;
