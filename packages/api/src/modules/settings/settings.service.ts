import { z } from 'zod';
import type { DB } from '../../db/connection.js';
import { readJsonOr } from '../../db/json-column.js';
import type { Clock } from '../../lib/clock.js';
import { fieldIssues, validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import type { Executor } from '../../lib/transaction.js';
import * as repo from './settings.repository.js';

/** One merchant setting: where it is stored, what it must look like, and what holds until the merchant sets it. */
export interface SettingDefinition<T> {
  key: string;
  schema: z.ZodType<T>;
  defaults: T;
}

/** Each module defines its settings next to the code that reads them and goes through the settings service. */
export function defineSetting<T>(key: string, schema: z.ZodType<T>, defaults: T): SettingDefinition<T> {
  const checked = schema.safeParse(defaults);
  if (!checked.success) throw new Error(`the defaults of setting ${key} do not satisfy its schema`);
  return { key, schema, defaults: checked.data };
}

export interface SettingsService {
  get<T>(def: SettingDefinition<T>, executor?: Executor): Promise<T>;
  set<T>(def: SettingDefinition<T>, value: unknown, staffId: number | null, executor?: Executor): Promise<T>;
}

/**
 * Stored, validated, defaulted, and failing the same way everywhere:
 * - read: nothing stored gives the defaults; a stored object is laid over the defaults (so a field added later gets
 *   its default) and must satisfy the schema; a stored value that does not (edited by hand, or a rule tightened since)
 *   is logged as an error and the defaults serve until the merchant saves again, rather than breaking every checkout.
 * - write: the value must satisfy the schema (400 VALIDATION_FAILED naming the field, nothing written), whoever calls.
 */
export function createSettingsService({ db, clock, logger }: { db: DB; clock: Clock; logger: Logger }): SettingsService {
  return {
    async get<T>(def: SettingDefinition<T>, executor: Executor = db): Promise<T> {
      const text = await repo.findValue(executor, def.key);
      if (text === undefined) return def.defaults;
      const stored = readJsonOr(text, z.unknown(), undefined);
      const layered =
        stored && typeof stored === 'object' && !Array.isArray(stored) && typeof def.defaults === 'object' && !Array.isArray(def.defaults)
          ? { ...(def.defaults as object), ...(stored as object) }
          : stored;
      const parsed = def.schema.safeParse(layered);
      if (parsed.success) return parsed.data;
      logger.error({ key: def.key, issues: parsed.success ? [] : fieldIssues(parsed.error) }, 'stored setting is invalid; serving its defaults');
      return def.defaults;
    },

    async set<T>(def: SettingDefinition<T>, value: unknown, staffId: number | null, executor: Executor = db): Promise<T> {
      const parsed = def.schema.safeParse(value);
      if (!parsed.success) throw validationError(fieldIssues(parsed.error, { input: value }));
      await repo.upsertValue(executor, { key: def.key, value: JSON.stringify(parsed.data), at: clock.now().toISOString(), staffId });
      return parsed.data;
    },
  };
}
