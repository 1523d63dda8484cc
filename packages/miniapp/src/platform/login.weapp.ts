import Taro from '@tarojs/taro';
import type { GetLoginCode } from './login';

/** WeChat: wx.login gives a code the server exchanges through jscode2session. */
export const getLoginCode: GetLoginCode = async () => {
  const { code } = await Taro.login();
  if (!code) throw new Error('wx.login returned no code');
  return { platform: 'weapp', code };
};
