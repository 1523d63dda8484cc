import type { UserConfigExport } from '@tarojs/cli';

/** The API the H5 dev server forwards to, so the page can keep calling its own origin as it does in production. */
const apiTarget = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      host: '127.0.0.1',
      port: 10086,
      proxy: [{ context: ['/api', '/__sim'], target: apiTarget, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
