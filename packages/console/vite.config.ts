import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server proxies to (a running `pnpm start`, or `pnpm --filter @siyu/api dev`). */
const apiTarget = process.env.SIYU_API_URL ?? 'http://127.0.0.1:3000';

// The console is served by the API at /admin/; in development Vite serves it and proxies /api and /uploads.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/uploads': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Libraries change less often than our code: their own long-cached chunks, pages split off by route.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
          if (/[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/.test(id)) return 'antd';
          if (/[\\/](react|react-dom|scheduler|react-router)[\\/]/.test(id)) return 'react';
          // The forms' schemas check with zod: loaded with the first form, not with the first page.
          if (/[\\/]zod[\\/]/.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
});
