import { networkError, problemFrom } from './problem';

/**
 * The body of a successful answer to a typed client's request as `T`, or an ApiError: the
 * service's problem details, or a network failure. `T` is stated by each client function: the
 * generated answer type, or a narrowing of it.
 */
export async function call<T>(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await pending;
  } catch {
    throw networkError();
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemFrom(result.error, result.response);
  }
  return result.data as T;
}

/** The path parameter of a request for one record. */
export const byId = (id: string) => ({ params: { path: { id } } });
