import { generateKeyPairSync } from 'node:crypto';

export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export interface SimulatorKeys {
  /** Our Alipay application key pair (we sign requests, the simulator checks them). */
  alipayApp: KeyPairPem;
  /** "Alipay's" key pair (the simulator signs responses, we verify). */
  alipayPlatform: KeyPairPem;
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
  return { alipayApp: rsaPair(), alipayPlatform: rsaPair() };
}

let shared: SimulatorKeys | undefined;
/** Test keys generated once per process and reused (RSA generation takes ~100 ms); none is a real merchant's. */
export function sharedTestKeys(): SimulatorKeys {
  shared ??= generateSimulatorKeys();
  return shared;
}
