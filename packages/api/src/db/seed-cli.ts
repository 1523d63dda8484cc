import { readEnv } from '../env.js';
import { systemClock } from '../lib/clock.js';
import { createLocalFileStorage } from '../lib/storage.js';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrator.js';
import { DEMO_STAFF, seedDemoData } from './seed.js';

const env = readEnv();
const handle = openDatabase(env.DATABASE_URL, { durability: env.DATABASE_DURABILITY });
try {
  await migrateToLatest(handle.db);
  // Images are stored by key; the API answers their URLs on whatever address it is reached at (decision 029).
  const { seeded } = await seedDemoData(handle.db, systemClock, env.MERCHANT_TIME_ZONE, { storage: createLocalFileStorage(env.UPLOADS_DIR) });
  if (seeded) {
    process.stdout.write(`seeded demo data into ${handle.engine}. Merchant logins:\n`);
    for (const s of DEMO_STAFF) process.stdout.write(`  ${s.role.padEnd(8)} ${s.username} / ${s.password}\n`);
  } else {
    process.stdout.write('demo data already present; nothing to do\n');
  }
} finally {
  await handle.close();
}
