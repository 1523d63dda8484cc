import { AppError } from '../lib/app-error.js';

/** For the adapters' tests: the AppError a call rejects with (anything else, or no rejection, fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the promise to reject');
}
