import type { Participant } from '../../lib/participants.js';
import type { Tx } from '../../lib/transaction.js';

// The member-cards module's events and participant interface, on their own: a leaf that the modules taking part
// import without importing the member-cards module (no import loop).

/** A card ends soon: recorded once per end and lead time (7 and 1 days before). */
export interface MemberCardExpiringEvent {
  memberId: number;
  cardName: string;
  expiresAt: string;
  daysLeft: number;
  at: string;
}

/** A module reacting to the card's events (the messages module sends the reminder), in the recording transaction. */
export interface MemberCardParticipant extends Participant {
  expiring?(trx: Tx, e: MemberCardExpiringEvent): Promise<void>;
}

export const MEMBER_CARD_STEPS = ['expiring'] as const;
