import { createHash, randomBytes } from 'node:crypto';

/** An opaque session token for the client; only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token that goes with a console session: derived from the session token, so it needs no storage, changes
 * with every session, and cannot be computed by anyone who does not hold the (httpOnly) session cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}
