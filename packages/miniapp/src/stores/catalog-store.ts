import type { CategoryTree } from '@siyu/shared';
import { create } from 'zustand';
import { api } from '../api/client';

interface CatalogState {
  categories: CategoryTree | null;
  loading: boolean;
  error: string | null;
  /** The top-level category the category tab should open on (set before switchTab, which takes no query). */
  requestedCategoryId: number | null;
  loadCategories(force?: boolean): Promise<void>;
  requestCategory(id: number | null): void;
}

export const useCatalog = create<CatalogState>()((set, get) => ({
  categories: null,
  loading: false,
  error: null,
  requestedCategoryId: null,

  loadCategories: async (force = false) => {
    if ((get().categories && !force) || get().loading) return;
    set({ loading: true, error: null });
    try {
      set({ categories: await api.categories(), loading: false });
    } catch (e) {
      set({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  },

  requestCategory: (id) => set({ requestedCategoryId: id }),
}));
