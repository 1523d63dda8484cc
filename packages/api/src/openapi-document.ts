import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { createApp, OPENAPI_DOCUMENT } from './app.js';
import { defaultAppConfig } from './config.js';
import type { Database } from './db/schema.js';
import { systemClock } from './lib/clock.js';
import type { PaymentAdapters, PlatformAdapters } from './platforms/types.js';

/**
 * The API's OpenAPI 3.1 document, built in-process without a server or a database: the app is composed over a
 * Kysely that compiles queries and never runs one (building the app queries nothing), and platform adapters that
 * are never called. What /api/openapi.json serves, for scripts/gen-api-types.mjs to turn into the clients' types.
 */
export function openApiDocument() {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const unused = new Proxy({} as PlatformAdapters & PaymentAdapters, {
    get: () => {
      throw new Error('the OpenAPI document is built without platforms');
    },
  });
  const app = createApp({ db, clock: systemClock, platforms: unused, payments: unused, config: defaultAppConfig });
  return app.getOpenAPI31Document(OPENAPI_DOCUMENT);
}
