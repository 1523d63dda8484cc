/**
 * Text of package-share (the share poster), in Simplified Chinese. The product page reads the poster section too
 * (its 生成海报 button).
 */
import { zhCN } from './zh-CN';

export const poster = {
  open: '生成海报',
  title: '分享海报',
  drawing: '海报生成中…',
  save: '保存到相册',
  saved: '已保存到相册',
  downloaded: '海报已下载',
  saveFailed: '保存失败，请在设置中允许保存到相册后重试',
  longPressHint: '也可以长按图片保存',
  hintH5: '在浏览器中打开以上链接即可购买',
  hintMini: '在小程序中打开以上页面即可购买',
} as const;

/** `t` for package-share pages: the main package's text and the sections above. */
export const t = { ...zhCN, poster };
