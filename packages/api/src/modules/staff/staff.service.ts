import type { NewStaffMember, StaffMember, StaffProfile, StaffRole, UpdateStaffMember } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/password.js';
import { type Participant, runStep } from '../../lib/participants.js';
import { inTransaction, type Executor, type Tx } from '../../lib/transaction.js';
import * as repo from './staff.repository.js';

export interface StaffService {
  create(input: { username: string; displayName: string; role: StaffRole; password: string }): Promise<number>;
  /**
   * The console's "add staff": a username already taken is a 409 naming the field.
   */
  add(input: NewStaffMember): Promise<StaffMember>;
  list(): Promise<StaffMember[]>;
  profile(id: number): Promise<StaffProfile>;
  /**
   * Role, name, disabled. The shop always keeps an enabled owner: demoting or disabling the last one is refused.
   * Owners are counted and changed in one transaction under a lock (PostgreSQL; SQLite's writer is one at a time),
   * so two owners demoting each other at once cannot both succeed.
   */
  update(actorId: number, id: number, input: UpdateStaffMember): Promise<StaffMember>;
  /**
   * A new password; the member's sessions end, so whoever had the old one is logged out.
   */
  resetPassword(id: number, password: string): Promise<void>;
  /**
   * The staff member for these credentials, or null. Unknown usernames cost a hash too, so timing does not tell.
   */
  authenticate(username: string, password: string): Promise<StaffProfile | null>;
  role(id: number): Promise<StaffRole | null>;
}

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

/**
 * A module's part in staff events (decision 030), each step in the transaction that changed the staff member.
 */
export interface StaffParticipant extends Participant {
  /** The staff member was disabled, or given a new password: whoever holds their sessions must lose them. */
  accessEnded?(trx: Tx, e: { staffId: number; at: string }): Promise<void>;
}

/** Staff events, as steps of StaffParticipant; what participants.test.ts lists. */
export const STAFF_STEPS = ['accessEnded'] as const;

export function createStaffService({
  db,
  clock,
  participants = [],
}: {
  db: DB;
  clock: Clock;
  /** Modules reacting to staff events, in order (listed in src/participants.ts). */
  participants?: readonly StaffParticipant[];
}): StaffService {
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
      return inTransaction(db, async (trx) => {
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
        if (input.disabled === true && row.disabled_at === null) await runStep(participants, 'accessEnded', trx, { staffId: id, at });
        return toMember((await repo.findStaff(trx, id))!);
      });
    },

    /** A new password; the member's sessions end, so whoever had the old one is logged out. */
    async resetPassword(id: number, password: string): Promise<void> {
      await requireRow(db, id);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, async (trx) => {
        await repo.updateStaff(trx, id, { password_hash: passwordHash });
        await runStep(participants, 'accessEnded', trx, { staffId: id, at: clock.now().toISOString() });
      });
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
