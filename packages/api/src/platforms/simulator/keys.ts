import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export interface SimulatorKeys {
  /** Our Alipay application key pair (we sign requests, the simulator checks them). */
  alipayApp: KeyPairPem;
  /** "Alipay's" key pair (the simulator signs responses, we verify). */
  alipayPlatform: KeyPairPem;
  /** Our WeChat Pay merchant API key pair (we sign requests and paySign, the simulator checks them). */
  wechatMerchant: KeyPairPem;
  /** "WeChat Pay's" platform key pair (the simulator signs responses and notifications, we verify). */
  wechatPlatform: KeyPairPem;
  /** Our Douyin application key pair (we sign byteAuthorization, the simulator checks it). */
  ttApp: KeyPairPem;
  /** "Douyin's" platform key pair (the simulator signs callbacks, we verify). */
  ttPlatform: KeyPairPem;
  /** Our Alipay app's AES key (base64 of 16 bytes): the simulator encrypts my.getPhoneNumber() responses with it. */
  alipayAes: string;
}

function rsaPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

export function generateSimulatorKeys(): SimulatorKeys {
  return {
    alipayApp: rsaPair(),
    alipayPlatform: rsaPair(),
    wechatMerchant: rsaPair(),
    wechatPlatform: rsaPair(),
    ttApp: rsaPair(),
    ttPlatform: rsaPair(),
    alipayAes: randomBytes(16).toString('base64'),
  };
}

let shared: SimulatorKeys | undefined;
/** Test keys generated once per process and reused (RSA generation takes ~100 ms); none is a real merchant's. */
export function sharedTestKeys(): SimulatorKeys {
  shared ??= generateSimulatorKeys();
  return shared;
}
