import type { Executor, Tx } from '../src/lib/transaction.js';
import type {
  CheckoutContext,
  OrderClosedEvent,
  OrderCompletedEvent,
  OrderCreatedEvent,
  OrderPaidEvent,
  OrderParticipant,
  OrderRefundedEvent,
} from '../src/modules/orders/index.js';
import type { Adjustment } from '../src/modules/pricing/index.js';

type Step = 'created' | 'closedUnpaid' | 'paid' | 'completed' | 'refunded';

/**
 * A participant in the order lifecycle for tests, plugged into every test app through createApp's `orderParticipants`,
 * exactly as a real module is: it records each step's event (with the transaction it ran in), can be told to fail a
 * step, and can offer hand-built adjustments to checkouts (discounts, until coupons, tiers and points bring real ones).
 */
export function createLifecycleProbe() {
  const seen = {
    created: [] as OrderCreatedEvent[],
    closedUnpaid: [] as OrderClosedEvent[],
    paid: [] as OrderPaidEvent[],
    completed: [] as OrderCompletedEvent[],
    refunded: [] as OrderRefundedEvent[],
    checkouts: [] as CheckoutContext[],
  };
  let failing: { step: Step; message: string } | null = null;
  let offer: ((checkout: CheckoutContext) => Adjustment[]) | null = null;
  /** What a step may do inside the order's transaction (e.g. write, to prove it commits or rolls back with it). */
  let inside: ((step: Step, trx: Tx) => Promise<void>) | null = null;

  const step =
    <E>(name: Step, list: E[]) =>
    async (trx: Tx, e: E) => {
      if (inside) await inside(name, trx);
      if (failing?.step === name) throw new Error(failing.message);
      list.push(e);
    };

  const participant: OrderParticipant = {
    name: 'test-probe',
    kinds: 'all',
    async adjustments(_executor: Executor, checkout: CheckoutContext) {
      seen.checkouts.push(checkout);
      return { adjustments: offer ? offer(checkout) : [] };
    },
    created: step('created', seen.created),
    closedUnpaid: step('closedUnpaid', seen.closedUnpaid),
    paid: step('paid', seen.paid),
    completed: step('completed', seen.completed),
    refunded: step('refunded', seen.refunded),
  };

  return {
    participant,
    seen,
    /** Makes `step` throw until cleared with failOn(null). */
    failOn(stepName: Step | null, message = `${stepName} step failed`) {
      failing = stepName ? { step: stepName, message } : null;
    },
    /** Offers these adjustments to every checkout until cleared with offerAdjustments(null). */
    offerAdjustments(fn: ((checkout: CheckoutContext) => Adjustment[]) | null) {
      offer = fn;
    },
    doInside(fn: ((step: Step, trx: Tx) => Promise<void>) | null) {
      inside = fn;
    },
  };
}

export type LifecycleProbe = ReturnType<typeof createLifecycleProbe>;
