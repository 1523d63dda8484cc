import type { StaffProfile, StaffRole } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/password.js';
import * as repo from './staff.repository.js';

export type StaffService = ReturnType<typeof createStaffService>;

export function createStaffService({ db, clock }: { db: DB; clock: Clock }) {
  return {
    async create(input: { username: string; displayName: string; role: StaffRole; password: string }): Promise<number> {
      return repo.insertStaff(db, { ...input, passwordHash: await hashPassword(input.password), at: clock.now().toISOString() });
    },

    /** The staff member for these credentials, or null. Unknown usernames cost a hash too, so timing does not tell. */
    async authenticate(username: string, password: string): Promise<StaffProfile | null> {
      const row = await repo.findStaffByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!row || !ok || row.disabled_at) return null;
      return { id: Number(row.id), username: row.username, displayName: row.display_name, role: row.role };
    },

    async role(id: number): Promise<StaffRole | null> {
      const row = await repo.findStaff(db, id);
      return row && !row.disabled_at ? row.role : null;
    },
  };
}
