import type { ConsentAnswer } from '@siyu/shared';

/*
 * Shared by subscribe.*.ts. Not in subscribe.ts: a platform file importing './subscribe' gets itself (Taro resolves
 * the import to the platform's own file), so what they share lives here.
 */

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/** The platform's answer object reduced to ours: an id the platform does not mention was not accepted. */
export function answersOf(
  templateIds: string[],
  raw: Record<string, unknown>,
  accepted?: (value: unknown) => boolean,
): Record<string, ConsentAnswer> {
  const out: Record<string, ConsentAnswer> = {};
  for (const id of templateIds) {
    const v = raw[id];
    if (accepted) out[id] = accepted(v) ? 'accept' : 'reject';
    else out[id] = typeof v === 'string' && ANSWERS.includes(v) ? (v as ConsentAnswer) : 'reject';
  }
  return out;
}
