/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'alipay' | 'tt' | 'h5'
    /** Mini-program targets: the API's origin, e.g. http://127.0.0.1:3000 (see config/platforms.json). */
    TARO_APP_API_BASE?: string
    /** H5: the API's origin; '' means the page's own origin (the API serves the H5 build). */
    TARO_APP_H5_API_BASE?: string
    /** H5: the platform the preview pretends to be when it asks the simulator for a login code. */
    TARO_APP_H5_STAND_IN_PLATFORM?: string
  }
}

/** Alipay's global, used for the one API Taro does not wrap the way we want (getAuthCode). */
declare const my: {
  getAuthCode(options: {
    scopes: 'auth_base' | 'auth_user' | Array<'auth_base' | 'auth_user'>
    success?: (res: { authCode: string }) => void
    fail?: (err: { error?: number; errorMessage?: string }) => void
  }): void
}
