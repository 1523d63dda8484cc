import { readEnv } from '../env.js';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrator.js';

const env = readEnv();
const handle = openDatabase(env.DATABASE_URL, { durability: env.DATABASE_DURABILITY });
try {
  const applied = await migrateToLatest(handle.db);
  process.stdout.write(`${handle.engine}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}\n`);
} finally {
  await handle.close();
}
