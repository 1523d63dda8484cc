import type { LoginPlatform, ShareChannel, ShareKind } from '@siyu/shared';
import type { Participant } from '../../lib/participants.js';
import type { Tx } from '../../lib/transaction.js';

// The shares module's events and participant interface (decision 034), on their own: a leaf that the modules taking
// part (invitations, distribution, guides, behaviour events) import without importing the shares module.

/** A share as the server issued it: exactly one of the sharer ids is set (a member, or a staff member: a guide). */
export interface ShareFacts {
  id: string;
  sharerMemberId: number | null;
  sharerStaffId: number | null;
  kind: ShareKind;
  targetId: number | null;
  channel: ShareChannel;
}

/**
 * A member landed through a known, live share that is not their own: the visit is recorded and their first/last
 * touch moved, in this transaction. When the landing came with the member's first login, `isNewMember` is true and
 * the transaction is the one that created the member (a step that throws fails that login, to be retried).
 */
export interface ShareLandedEvent {
  memberId: number;
  share: ShareFacts;
  /** The super-app the member landed in; null for the web (h5) or a session opened elsewhere. */
  platform: LoginPlatform | null;
  isNewMember: boolean;
  at: string;
}

export interface SharesParticipant extends Participant {
  landed?(trx: Tx, event: ShareLandedEvent): Promise<void>;
}

/** The shares module's events, as steps of SharesParticipant; what participants.test.ts lists. */
export const SHARES_STEPS = ['landed'] as const;
