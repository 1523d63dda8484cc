import type { WalletBonusRuleValue, WalletSettings } from '@siyu/shared';
import type { Executor } from '../../lib/transaction.js';

/** The stored-value rules, read in the caller's transaction. */
export type WalletSettingsReader = (executor?: Executor) => Promise<WalletSettings>;

/** Pure rules of stored value (decision 039), integer fen only; the property test drives them with random sequences. */

export interface Parts {
  principalFen: number;
  bonusFen: number;
}

/**
 * How a spend of `amountFen` (at most the balance) falls on principal and bonus. `proportional`: bonus in the ratio of
 * the balance, rounded down (so principal never takes more than its share and neither part overdraws); `last`:
 * principal first, bonus only for what principal does not cover.
 */
export function splitSpend(balance: Parts, amountFen: number, rule: WalletBonusRuleValue): Parts {
  const total = balance.principalFen + balance.bonusFen;
  if (amountFen <= 0 || total <= 0) return { principalFen: 0, bonusFen: 0 };
  if (amountFen > total) throw new RangeError(`spend ${amountFen} exceeds the balance ${total}`);
  if (rule === 'last') {
    const principalFen = Math.min(amountFen, balance.principalFen);
    return { principalFen, bonusFen: amountFen - principalFen };
  }
  const bonusFen = Number((BigInt(amountFen) * BigInt(balance.bonusFen)) / BigInt(total));
  return { principalFen: amountFen - bonusFen, bonusFen };
}

/**
 * The part of a refund of `amountFen` that goes back to the balance, for an order of `payableFen` of which `paid`
 * came from the balance and `returned` already went back. The balance is given back first (rounded up), so what the
 * platform gives back never passes what it took; the refund that empties the order takes what is left.
 */
export function balanceShareOfRefund(amountFen: number, payableFen: number, paid: Parts, returned: Parts, whole: boolean): number {
  const paidFen = paid.principalFen + paid.bonusFen;
  const left = paidFen - returned.principalFen - returned.bonusFen;
  if (left <= 0 || payableFen <= 0) return 0;
  if (whole) return left;
  const share = Number((BigInt(amountFen) * BigInt(paidFen) + BigInt(payableFen) - 1n) / BigInt(payableFen));
  return Math.min(left, share, amountFen);
}

/** How `shareFen` going back falls on principal and bonus: in the parts they were paid, the last return takes the rest. */
export function splitReturn(paid: Parts, returned: Parts, shareFen: number): Parts {
  const leftP = paid.principalFen - returned.principalFen;
  const leftB = paid.bonusFen - returned.bonusFen;
  if (shareFen >= leftP + leftB) return { principalFen: leftP, bonusFen: leftB };
  const paidFen = paid.principalFen + paid.bonusFen;
  let bonusFen = Math.min(leftB, Number((BigInt(shareFen) * BigInt(paid.bonusFen)) / BigInt(paidFen)));
  let principalFen = shareFen - bonusFen;
  if (principalFen > leftP) {
    bonusFen += principalFen - leftP;
    principalFen = leftP;
  }
  return { principalFen, bonusFen };
}
