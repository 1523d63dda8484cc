import type { NewStaffMember, StaffMember, StaffProfile, StaffRole, UpdateStaffMember } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/password.js';
import { inTransaction, type Executor } from '../../lib/transaction.js';
import * as repo from './staff.repository.js';

export type StaffService = ReturnType<typeof createStaffService>;

type StaffRow = Awaited<ReturnType<typeof repo.listStaff>>[number];
function toMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function createStaffService({
  db,
  clock,
  revokeSessions,
}: {
  db: DB;
  clock: Clock;
  /** Ends a staff member's sessions (the auth module's session store, wired in createApp). */
  revokeSessions: (staffId: number) => Promise<void>;
}) {
  async function requireRow(executor: Executor, id: number) {
    const row = await repo.findStaff(executor, id);
    if (!row) throw new AppError('NOT_FOUND', `staff member ${id} not found`);
    return row;
  }

  return {
    async create(input: { username: string; displayName: string; role: StaffRole; password: string }): Promise<number> {
      return repo.insertStaff(db, { ...input, passwordHash: await hashPassword(input.password), at: clock.now().toISOString() });
    },

    /** The console's "add staff": a username already taken is a 409 naming the field. */
    async add(input: NewStaffMember): Promise<StaffMember> {
      let id: number;
      try {
        id = await this.create(input);
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `username ${input.username} is taken`, {
            issues: [{ field: 'username', code: 'already_taken', message: 'already taken' }],
          });
        throw err;
      }
      return toMember((await repo.findStaff(db, id))!);
    },

    async list(): Promise<StaffMember[]> {
      return (await repo.listStaff(db)).map(toMember);
    },

    async profile(id: number): Promise<StaffProfile> {
      const row = await requireRow(db, id);
      return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
    },

    /**
     * Role, name, disabled. The shop always keeps an enabled owner: demoting or disabling the last one is refused.
     * Owners are counted and changed in one transaction under a lock (PostgreSQL; SQLite's writer is one at a time),
     * so two owners demoting each other at once cannot both succeed.
     */
    async update(actorId: number, id: number, input: UpdateStaffMember): Promise<StaffMember> {
      const at = clock.now().toISOString();
      const result = await inTransaction(db, async (trx) => {
        await lockForTransaction(trx, 'staff-owners', 0);
        const row = await requireRow(trx, id);
        const losesOwner =
          row.role === 'owner' && row.disabled_at === null && ((input.role !== undefined && input.role !== 'owner') || input.disabled === true);
        if (losesOwner && (await repo.countOtherActiveOwners(trx, id)) === 0) {
          throw new AppError('LAST_OWNER', 'the last enabled owner cannot be demoted or disabled', {
            issues: [{ field: input.disabled === true ? 'disabled' : 'role', code: 'last_owner', message: 'the shop needs an enabled owner' }],
          });
        }
        if (input.disabled === true && id === actorId) {
          throw new AppError('VALIDATION_FAILED', 'you cannot disable your own account', {
            issues: [{ field: 'disabled', code: 'not_self', message: 'not your own account' }],
          });
        }
        await repo.updateStaff(trx, id, {
          ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.disabled !== undefined ? { disabled_at: input.disabled ? (row.disabled_at ?? at) : null } : {}),
        });
        return { member: toMember((await repo.findStaff(trx, id))!), disabled: input.disabled === true && row.disabled_at === null };
      });
      if (result.disabled) await revokeSessions(id);
      return result.member;
    },

    /** A new password; the member's sessions end, so whoever had the old one is logged out. */
    async resetPassword(id: number, password: string): Promise<void> {
      await requireRow(db, id);
      await repo.updateStaff(db, id, { password_hash: await hashPassword(password) });
      await revokeSessions(id);
    },

    /** The staff member for these credentials, or null. Unknown usernames cost a hash too, so timing does not tell. */
    async authenticate(username: string, password: string): Promise<StaffProfile | null> {
      const row = await repo.findStaffByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!row || !ok || row.disabled_at) return null;
      return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
    },

    async role(id: number): Promise<StaffRole | null> {
      const row = await repo.findStaff(db, id);
      return row && !row.disabled_at ? row.role : null;
    },
  };
}
