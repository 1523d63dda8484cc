import Taro from '@tarojs/taro';
import { answersOf, type RequestSubscribe } from './subscribe';

/** WeChat: wx.requestSubscribeMessage({ tmplIds }) → { [id]: 'accept' | 'reject' | 'ban' | 'filter' }. */
export const requestSubscribe: RequestSubscribe = async (templateIds) => {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as never)) as unknown as Record<string, unknown>;
    return answersOf(templateIds, res);
  } catch {
    return null;
  }
};
