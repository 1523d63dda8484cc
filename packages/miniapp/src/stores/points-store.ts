import type { PointsEntry } from '@siyu/shared';
import { create } from 'zustand';
import { api } from '../api/client';
import { useSession } from './session-store';

const PAGE_SIZE = 20;

interface PointsState {
  entries: PointsEntry[];
  nextCursor: number | null;
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** The first page again (and the balance with it). */
  refresh(): Promise<void>;
  /** The next page, if there is one. */
  loadMore(): Promise<void>;
}

/** Bumped by every refresh, so a page that arrives after a newer refresh is dropped. */
let generation = 0;

export const usePoints = create<PointsState>()((set, get) => ({
  entries: [],
  nextCursor: null,
  loaded: false,
  loading: false,
  loadingMore: false,
  error: null,

  refresh: async () => {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      const page = await api.pointsLedger({ limit: PAGE_SIZE });
      if (mine !== generation) return;
      set({ entries: page.entries, nextCursor: page.nextCursor, loaded: true, loading: false, loadingMore: false });
      useSession.getState().setPointsBalance(page.balance);
    } catch (e) {
      if (mine === generation) set({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  },

  loadMore: async () => {
    const { nextCursor, loadingMore, loading } = get();
    if (nextCursor === null || loadingMore || loading) return;
    const mine = generation;
    set({ loadingMore: true, error: null });
    try {
      const page = await api.pointsLedger({ limit: PAGE_SIZE, cursor: nextCursor });
      if (mine !== generation) return;
      const seen = new Set(get().entries.map((e) => e.id));
      set({ entries: [...get().entries, ...page.entries.filter((e) => !seen.has(e.id))], nextCursor: page.nextCursor, loadingMore: false });
      useSession.getState().setPointsBalance(page.balance);
    } catch (e) {
      if (mine === generation) set({ loadingMore: false, error: e instanceof Error ? e.message : String(e) });
    }
  },
}));
