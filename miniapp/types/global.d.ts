/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Target of the current build, replaced at build time. */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** Origin of the API server; empty for same origin (H5 only). Set at build time. */
    TARO_APP_API_BASE?: string;
    TARO_APP_BULLETIN_TEMPLATE_ID?: string;
    TARO_APP_ID?: string;
  }
}
