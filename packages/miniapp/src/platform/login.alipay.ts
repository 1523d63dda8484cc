import type { GetLoginCode } from './login';

/**
 * Alipay: my.getAuthCode with the silent `auth_base` scope gives an auth code the server exchanges through
 * alipay.system.oauth.token. Called on the global directly so the scope is explicit, not implied by Taro's mapping.
 */
export const getLoginCode: GetLoginCode = () =>
  new Promise((resolve, reject) => {
    my.getAuthCode({
      scopes: 'auth_base',
      success: (res) =>
        res.authCode ? resolve({ platform: 'alipay', code: res.authCode }) : reject(new Error('my.getAuthCode returned no authCode')),
      fail: (err) => reject(new Error(`my.getAuthCode failed: ${err.errorMessage ?? err.error ?? 'unknown'}`)),
    });
  });
