import Taro from '@tarojs/taro';
import type { RequestSubscribe } from './subscribe';
import { answersOf } from './subscribe-answers';

/** WeChat: wx.requestSubscribeMessage({ tmplIds }) → { [id]: 'accept' | 'reject' | 'ban' | 'filter' }. */
export const requestSubscribe: RequestSubscribe = async (templateIds) => {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as never)) as unknown as Record<string, unknown>;
    return answersOf(templateIds, res);
  } catch {
    return null;
  }
};
