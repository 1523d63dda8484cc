import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types. Instants are stored as ISO-8601 UTC strings (text) on both engines, so the
 * same queries and comparisons work on SQLite and PostgreSQL; business dates as "YYYY-MM-DD".
 */
type Instant = string;

export interface MembersTable {
  id: Generated<number>;
  nickname: string;
  avatar_url: string | null;
  /** Cached sum of points_ledger.delta for the member, updated in the same transaction as every entry. */
  points_balance: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface MemberIdentitiesTable {
  id: Generated<number>;
  member_id: number;
  platform: string;
  app_id: string;
  open_id: string;
  union_id: string | null;
  session_key: string | null;
  created_at: Instant;
  last_login_at: Instant;
}

export interface SessionsTable {
  token_hash: string;
  subject_type: 'member' | 'staff';
  subject_id: number;
  platform: string | null;
  created_at: Instant;
  expires_at: Instant;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'owner' | 'operator' | 'viewer';
  password_hash: string;
  created_at: Instant;
  disabled_at: Instant | null;
}

export interface MerchantSettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: Instant;
  updated_by: number | null;
}

export interface CheckInsTable {
  id: Generated<number>;
  member_id: number;
  business_date: string;
  streak: number;
  reward: number;
  created_at: Instant;
}

export interface PointsLedgerTable {
  id: Generated<number>;
  member_id: number;
  delta: number;
  reason: 'check_in' | 'adjustment';
  source_key: string;
  note: string | null;
  created_at: Instant;
}

export interface IdempotencyKeysTable {
  member_id: number;
  key: string;
  fingerprint: string;
  state: 'in_flight' | 'done';
  status_code: number | null;
  response_body: string | null;
  created_at: Instant;
  completed_at: Instant | null;
}

export interface Database {
  members: MembersTable;
  member_identities: MemberIdentitiesTable;
  sessions: SessionsTable;
  staff: StaffTable;
  merchant_settings: MerchantSettingsTable;
  check_ins: CheckInsTable;
  points_ledger: PointsLedgerTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Member = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type PointsLedgerRow = Selectable<PointsLedgerTable>;
export type StaffRow = Selectable<StaffTable>;
