import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { useSession } from './stores/session-store';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Silent login: reuse the stored session, or log in with the platform's one-time code.
    // Pages wait on the same login through the API client; a failure shows their retry prompt.
    useSession
      .getState()
      .ensureSession()
      .catch(() => undefined);
  });
  return children;
}

export default App;
