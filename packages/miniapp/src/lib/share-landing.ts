import { SHARE_ID_LENGTH, SHARE_QUERY_KEY } from '@siyu/shared/constants';

/**
 * The share id the app was opened with (decision 034): `s` in a shared page's query, or a platform code's scene
 * (WeChat hands `scene` URL-encoded; Alipay and Douyin codes carry `s`). Kept until a login carries it (a new member is
 * attributed in their creation) or, when a session was already open, until the landing is posted. Anything that is
 * not a share id's shape is dropped here: the server would ignore it anyway.
 */
let pending: string | null = null;

const SHAPE = new RegExp(`^[0-9A-Za-z]{${SHARE_ID_LENGTH}}$`);

export function shareIdFromQuery(query: Record<string, string | undefined> | undefined): string | null {
  if (!query) return null;
  const direct = query[SHARE_QUERY_KEY];
  let scene = query.scene;
  try {
    scene = scene ? decodeURIComponent(scene) : scene;
  } catch {
    scene = undefined;
  }
  const found = direct ?? scene ?? null;
  return found && SHAPE.test(found) ? found : null;
}

export function rememberShareId(id: string | null): void {
  if (id) pending = id;
}

/** The share id waiting for a login or a landing, handed out once. */
export function takeShareId(): string | null {
  const id = pending;
  pending = null;
  return id;
}
