import Taro from '@tarojs/taro';
import type { GetLoginCode } from './login';

/** Douyin: tt.login gives a code the server exchanges through jscode2session. */
export const getLoginCode: GetLoginCode = async () => {
  const { code } = await Taro.login();
  if (!code) throw new Error('tt.login returned no code');
  return { platform: 'tt', code };
};
