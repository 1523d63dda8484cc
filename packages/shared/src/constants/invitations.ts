/**
 * An invitation's state, which is the inviter's reward's (decision 035): bound (the invitee joined), pending (their
 * first paid order waits out the refund window), granted, cancelled (refunded in the window), withheld (by staff),
 * over_cap (past the inviter's daily cap: no reward), void (not a new person after a merge, or no phone where one is
 * required).
 */
export const INVITATION_STATUSES = ['bound', 'pending', 'granted', 'cancelled', 'withheld', 'over_cap', 'void'] as const;
/** Risk flags staff see: many of one inviter's invitees came from one network address. */
export const INVITATION_RISK_FLAGS = ['shared_address'] as const;
/** At most this many coupon templates in a reward. */
export const MAX_INVITATION_REWARD_COUPONS = 5;
/** The leaderboard's length. */
export const INVITATION_LEADERBOARD_SIZE = 20;
