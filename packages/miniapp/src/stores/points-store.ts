import type { PointsSummary } from '@siyu/shared';
import { create } from 'zustand';
import { api } from '../api/client';
import { useSession } from './session-store';

interface PointsState {
  /** Available, pending and the next expiries; null until loaded. */
  summary: PointsSummary | null;
  error: boolean;
  /** Reads the summary again (and the balance with it). */
  refresh(): Promise<void>;
}

/** Bumped by every refresh, so an answer that arrives after a newer refresh is dropped. */
let generation = 0;

/** The member's points summary, shown on the member page and the points pages. */
export const usePoints = create<PointsState>()((set) => ({
  summary: null,
  error: false,

  refresh: async () => {
    const mine = ++generation;
    try {
      const summary = await api.pointsSummary();
      if (mine !== generation) return;
      set({ summary, error: false });
      useSession.getState().setPointsBalance(summary.available);
    } catch {
      if (mine === generation) set({ error: true });
    }
  },
}));
