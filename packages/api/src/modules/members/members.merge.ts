import type { MemberMergeSummary } from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import type { Tx } from '../../lib/transaction.js';
import type { MemberParticipant, MemberMergeEvent, MergeStepReport } from './member-data.js';
import * as repo from './members.repository.js';

/**
 * Test-only: called after each step of a merge with the step's name; a test throws from it to prove that a crash
 * between steps leaves both members as they were. Never wired to anything an HTTP request can reach.
 */
export type MergeFault = (step: string) => void;

/** The steps of a merge in the order they run: the tombstone, this module's own rows, each participant, the record. */
export function mergeStepNames(participants: readonly MemberParticipant[]): string[] {
  return ['tombstone', 'members', ...participants.filter((p) => p.merge).map((p) => p.name), 'record'];
}

/**
 * Merges `absorbedId` into `survivorId` inside the caller's transaction (decision 019). The caller has locked both
 * members. The absorbed member is marked first (the append-only ledgers allow moving entries only along a recorded
 * merge), then every module moves its rows, then the merge is recorded with what moved. Any failure rolls it all back.
 */
export async function mergeMembers(
  trx: Tx,
  participants: readonly MemberParticipant[],
  m: { survivorId: number; absorbedId: number; phone: string; at: string },
  fault?: MergeFault,
): Promise<number> {
  const e: MemberMergeEvent = { survivorId: m.survivorId, absorbedId: m.absorbedId, at: m.at };
  if (!(await repo.markMerged(trx, m.absorbedId, m.survivorId, m.at))) throw new AppError('CONFLICT', `member ${m.absorbedId} was already merged`);
  fault?.('tombstone');

  const summary: MemberMergeSummary = {
    moved: {},
    pointsMoved: 0,
    duplicateCheckInDays: [],
    creditsReversed: [],
    growthMoved: 0,
    tierBefore: { survivor: 0, absorbed: 0 },
    tierAfter: 0,
  };
  const add = (r: MergeStepReport) => {
    for (const [table, n] of Object.entries(r.moved ?? {})) summary.moved[table] = (summary.moved[table] ?? 0) + n;
    if (r.pointsMoved !== undefined) summary.pointsMoved += r.pointsMoved;
    if (r.duplicateCheckInDays) summary.duplicateCheckInDays.push(...r.duplicateCheckInDays);
    if (r.creditsReversed) summary.creditsReversed.push(...r.creditsReversed);
    if (r.growthMoved !== undefined) summary.growthMoved += r.growthMoved;
    if (r.tierBefore) summary.tierBefore = r.tierBefore;
    if (r.tierAfter !== undefined) summary.tierAfter = r.tierAfter;
  };

  add(await mergeOwnRows(trx, e));
  fault?.('members');
  for (const p of participants) {
    if (!p.merge) continue;
    add(await p.merge(trx, e));
    fault?.(p.name);
  }
  const mergeId = await repo.insertMerge(trx, {
    survivorId: m.survivorId,
    absorbedId: m.absorbedId,
    phone: m.phone,
    summary: JSON.stringify(summary),
    at: m.at,
  });
  fault?.('record');
  return mergeId;
}

/** The members module's own rows: identities, replay keys, and the profile fields the survivor lacks. */
async function mergeOwnRows(trx: Tx, e: MemberMergeEvent): Promise<MergeStepReport> {
  const [survivor, absorbed] = await Promise.all([repo.findMember(trx, e.survivorId), repo.findMember(trx, e.absorbedId)]);
  if (!survivor || !absorbed) throw new AppError('NOT_FOUND', 'member not found');
  const fill: { avatar_url?: string; gender?: 'male' | 'female'; birthday?: string } = {};
  if (!survivor.avatar_url && absorbed.avatar_url) fill.avatar_url = absorbed.avatar_url;
  if (survivor.gender === 'unknown' && absorbed.gender !== 'unknown') fill.gender = absorbed.gender;
  if (!survivor.birthday && absorbed.birthday) fill.birthday = absorbed.birthday;
  if (Object.keys(fill).length > 0) await repo.updateProfile(trx, e.survivorId, fill, e.at);
  const identities = await repo.moveIdentities(trx, e.absorbedId, e.survivorId);
  const keys = await repo.moveIdempotencyKeys(trx, e.absorbedId, e.survivorId);
  return { moved: { member_identities: identities, idempotency_keys: keys } };
}
