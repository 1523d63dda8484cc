/** Build-time settings (Vite's import.meta.env); the only place the console reads its environment. */
export const env = {
  /** Where the API is: the same origin by default (served at /admin, or Vite's dev proxy). */
  apiBase: (import.meta.env.VITE_API_BASE as string | undefined) ?? '',
  /** The router's base: the console lives under /admin/. */
  basename: import.meta.env.BASE_URL.replace(/\/$/, ''),
};
