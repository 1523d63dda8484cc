/**
 * Once per run, before any test file (decision 025): migrate one template database, which every test copies instead
 * of migrating its own. SQLite: a template file in a temporary folder. PostgreSQL (TEST_DATABASE_URL): a template
 * database named after the run (test/postgres-databases.ts), dropped at the end with every database the run made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { databaseUrl, dropLeftovers, dropRun, newRunPrefix, resetStatement, withAdmin } from './postgres-databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated SQLite file to copy. */
    sqliteTemplate: string;
    /** PostgreSQL: the run's prefix for database names; its template database is `${prefix}_tpl`. */
    postgresRun: string;
    /** PostgreSQL: the statement that resets a copy of the template to the template's rows. */
    postgresReset: string;
  }
}

async function migrate(url: string): Promise<void> {
  const handle = openDatabase(url, { durability: 'relaxed' });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-api-tests-'));
  const sqliteTemplate = path.join(dir, 'template.db');
  await migrate(`sqlite:${sqliteTemplate}`);
  project.provide('sqliteTemplate', sqliteTemplate);

  const url = process.env.TEST_DATABASE_URL;
  const run = url ? newRunPrefix() : '';
  let reset = '';
  if (url) {
    await dropLeftovers(url);
    await withAdmin(url, (admin) => admin.query(`create database "${run}_tpl"`));
    await migrate(databaseUrl(url, `${run}_tpl`));
    // Read now, before any worker copies the template: CREATE DATABASE … TEMPLATE fails while anyone is connected to it.
    reset = await withAdmin(databaseUrl(url, `${run}_tpl`), resetStatement);
  }
  project.provide('postgresRun', run);
  project.provide('postgresReset', reset);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url) await dropRun(url, run);
  };
}
