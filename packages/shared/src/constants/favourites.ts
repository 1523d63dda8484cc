/** The most favourites one member keeps (held by a CHECK in migration 017). */
export const MAX_FAVOURITES_PER_MEMBER = 500;
