import type { ProductMemberPrice } from '@siyu/shared';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

/** The most products one request prices (the server's limit). */
const PER_REQUEST = 50;

/**
 * The member's own prices (member price, 券后价) of these products, as the server computes them: one request for the
 * products not asked about yet (a new page of tiles is one request), none while there are none. A product the server
 * does not price (no member price, no coupon) or has not answered for yet is absent; a failure shows none.
 */
export function useMemberPrices(productIds: readonly number[]): ReadonlyMap<number, ProductMemberPrice> {
  const [prices, setPrices] = useState<ReadonlyMap<number, ProductMemberPrice>>(new Map());
  const asked = useRef(new Set<number>());
  const key = productIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids (a new array each render).
  useEffect(() => {
    const missing = productIds.filter((id) => !asked.current.has(id));
    for (let i = 0; i < missing.length; i += PER_REQUEST) {
      const productIds = missing.slice(i, i + PER_REQUEST);
      for (const id of productIds) asked.current.add(id);
      api.memberPrices({ productIds }).then(
        ({ items }) =>
          setPrices((before) => {
            const next = new Map(before);
            for (const id of productIds) next.delete(id);
            for (const item of items) next.set(item.productId, item);
            return next;
          }),
        () => {
          for (const id of productIds) asked.current.delete(id);
        },
      );
    }
  }, [key]);
  return prices;
}
