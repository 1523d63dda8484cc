import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Targets this app builds for; anything else is refused rather than half-built. */
const TARGETS = ['weapp', 'alipay', 'tt', 'h5'] as const;
type Target = (typeof TARGETS)[number];

interface PlatformMatrix {
  targets: Record<Target, { outputDir: string; appId: string | null; appIdEnv: string | null }>;
  env: Record<string, string>;
}

const REPO_ROOT = path.resolve(__dirname, '../../..');
const matrix: PlatformMatrix = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'config/platforms.json'), 'utf8'));
const SHARED_SRC = path.join(REPO_ROOT, 'packages/shared/src');
/** The shop's icon, one file for the H5 build and the API's /favicon.ico. */
const FAVICON = path.join(REPO_ROOT, 'packages/shared/assets/favicon.ico');
/** @siyu/shared imports its siblings as './x.js' (NodeNext style): let webpack find the .ts source. */
const SHARED_EXTENSION_ALIAS = { '.js': ['.ts', '.tsx', '.js'] };

export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV as Target;
  if (!TARGETS.includes(target)) throw new Error(`@siyu/miniapp builds for ${TARGETS.join(', ')}, not "${target}"`);
  const platform = matrix.targets[target];

  // Taro writes process.env.TARO_APP_ID into the emitted project file; take it from the matrix unless the caller set one.
  const appId = (platform.appIdEnv && process.env[platform.appIdEnv]) || platform.appId;
  if (appId && !process.env.TARO_APP_ID) process.env.TARO_APP_ID = appId;

  // Build-time constants the code reads as process.env.TARO_APP_*: the environment wins over config/platforms.json.
  const env: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(matrix.env)) {
    if (name.startsWith('TARO_APP_')) env[name] = JSON.stringify(process.env[name] ?? fallback);
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'siyu-miniapp',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.relative(path.resolve(__dirname, '..'), path.join(REPO_ROOT, platform.outputDir)),
    plugins: [],
    env,
    defineConstants: {},
    // The H5 build's favicon (the browser asks for /favicon.ico; the mini-program builds have no use for it).
    copy: {
      patterns:
        target === 'h5'
          ? [
              {
                from: path.relative(path.resolve(__dirname, '..'), FAVICON),
                to: path.relative(path.resolve(__dirname, '..'), path.join(REPO_ROOT, platform.outputDir, 'favicon.ico')),
              },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    // WeChat has no recursive templates: Taro writes each element's template once per level, baseLevel times, into
    // base.wxml in the main package (about 3 KB a level). Our deepest pages nest 8 elements (product, search with its
    // filter sheet open); anything deeper still renders, through Taro's comp component
    // (docs/decisions/031-main-package-layout.md).
    baseLevel: 10,
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // @siyu/shared is TypeScript source in the workspace: compile it like our own.
      compile: { include: [SHARED_SRC] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.set('extensionAlias', SHARED_EXTENSION_ALIAS);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [SHARED_SRC] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.set('extensionAlias', SHARED_EXTENSION_ALIAS);
        // Taro splits only the initial chunks, so every lazily loaded page carried its own copy of the component
        // library and our shared code (about 270 KB a page). Share what two or more chunks use, pages included.
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            default: false,
            defaultVendors: false,
            vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, minChunks: 1, priority: 10, reuseExistingChunk: true },
            // The region data (about 90 KB) is for the address page only: its own chunk, loaded with that page.
            regions: { name: 'regions', test: /[\\/]@vant[\\/]area-data[\\/]/, chunks: 'async', priority: 20, enforce: true },
            common: { name: 'common', minChunks: 2, priority: 1, reuseExistingChunk: true },
          },
        });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
