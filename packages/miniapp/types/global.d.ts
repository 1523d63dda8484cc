/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'alipay' | 'tt' | 'h5';
    /** Mini-program targets: the API's origin, e.g. http://127.0.0.1:3000 (see config/platforms.json). */
    TARO_APP_API_BASE?: string;
    /** H5: the API's origin; '' means the page's own origin (the API serves the H5 build). */
    TARO_APP_H5_API_BASE?: string;
    /** H5: the platform the preview pretends to be when it asks the simulator for a login code. */
    TARO_APP_H5_STAND_IN_PLATFORM?: string;
    TARO_APP_WECHAT_MCH_ID?: string;
  }
}

/** Alipay's global, for the APIs Taro does not wrap the way we want (getAuthCode, tradePay). Used only in src/platform/. */
declare const my: {
  getAuthCode(options: {
    scopes: 'auth_base' | 'auth_user' | Array<'auth_base' | 'auth_user'>;
    success?: (res: { authCode: string }) => void;
    fail?: (err: { error?: number; errorMessage?: string }) => void;
  }): void;
  /** resultCode: 9000 success, 8000 processing, 4000 failed, 6001 cancelled, 6002 network error, 6004 unknown. */
  tradePay(options: {
    tradeNO: string;
    success?: (res: { resultCode: string | number }) => void;
    fail?: (res: { resultCode?: string | number; error?: number; errorMessage?: string }) => void;
  }): void;
  /** After the member allowed `scope="phoneNumber"`: `response` is Alipay's signed, AES-encrypted JSON text. */
  getPhoneNumber(options: { success?: (res: { response?: string }) => void; fail?: (err: { error?: number; errorMessage?: string }) => void }): void;
  /** The shopper's address from Alipay's address book: resultStatus 9000 with `result`, 6001 cancelled. */
  getAddress(options: {
    success?: (res: {
      resultStatus?: string | number;
      result?: { fullname?: string; mobilePhone?: string; prov?: string; city?: string; area?: string; street?: string; address?: string };
    }) => void;
    fail?: (err: { error?: number; errorMessage?: string }) => void;
  }): void;
};

/** Douyin's global, for the general trade system's payment APIs (requestOrder, getOrderPayment). Used only in src/platform/. */
declare const tt: {
  requestOrder(options: {
    data: string;
    byteAuthorization: string;
    success?: (res: { orderId: string; itemOrderList?: unknown[]; logId?: string }) => void;
    fail?: (err: { errNo?: number; errMsg?: string; errLogId?: string }) => void;
  }): void;
  getOrderPayment(options: {
    orderId: string;
    success?: (res: { errNo?: number; errMsg?: string }) => void;
    fail?: (err: { errNo?: number; errMsg?: string; errLogId?: string }) => void;
  }): void;
};
