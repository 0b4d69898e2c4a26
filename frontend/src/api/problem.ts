import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { components } from './generated/user-service';

/** One invalid field of a 400 answer: `address.city`, `roles[0]`, `customFields.loanPurpose`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The platform's RFC 9457 problem (`components.schemas.Problem`). The published document names its
 * properties but loses their types (they arrive as `{}` in OpenAPI 3.1), so the shape is written
 * here and every answer is read field by field in `readProblem`. `instance` is sent too, though not
 * documented.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  /** lead-service's 409 `duplicate-lead`: the existing leads with the same email or phone. */
  duplicates?: DuplicateProblem[];
}

/** One existing lead a new or changed lead would duplicate, and on what. */
export interface DuplicateProblem {
  leadId: string;
  matchedOn: string[];
}

export const DUPLICATE_LEAD_PROBLEM = 'https://chosencrm.dev/problems/duplicate-lead';

/** Fails to compile if the service's Problem names a property this module does not read. */
type Assert<T extends true> = T;
export type ProblemPropertiesRead = Assert<
  Exclude<keyof components['schemas']['Problem'], keyof ProblemDetails> extends never ? true : false
>;

/** A failed API call: the platform's RFC 9457 problem, or one made up for a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  /** From Retry-After on 429 answers (a locked account), in seconds. */
  readonly retryAfterSeconds?: number;

  constructor(problem: ProblemDetails, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

/** Status 0 stands for "no answer at all". */
export const NETWORK_FAILURE = 0;

export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: NETWORK_FAILURE,
  });
}

/** Reads a non-2xx response into an ApiError, whether or not the body is a problem document. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      body = await response.json();
    } catch {
      // A body that is not JSON after all: the status alone tells what happened.
    }
  }
  return problemFrom(body, response);
}

/** An ApiError from an answer's parsed body (anything, or nothing) and its status and headers. */
export function problemFrom(body: unknown, response: Response): ApiError {
  return new ApiError(readProblem(body, response), parseRetryAfter(response.headers.get('retry-after')));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function isDuplicate(value: unknown): value is DuplicateProblem {
  if (!value || typeof value !== 'object') return false;
  const { leadId, matchedOn } = value as Record<string, unknown>;
  return typeof leadId === 'string' && Array.isArray(matchedOn) && matchedOn.every((m) => typeof m === 'string');
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (!value || typeof value !== 'object') return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}

/**
 * The problem in a body, taking only well-typed properties. The status is always the response's
 * (a body claiming another is not believed); the request id falls back to the X-Request-Id header.
 */
function readProblem(body: unknown, response: Response): ProblemDetails {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors = Array.isArray(fields.errors) ? fields.errors.filter(isFieldProblem) : [];
  const duplicates = Array.isArray(fields.duplicates) ? fields.duplicates.filter(isDuplicate) : [];
  return {
    type: text(fields.type) ?? 'about:blank',
    title: text(fields.title) ?? (response.statusText || `HTTP ${response.status}`),
    status: response.status,
    detail: text(fields.detail),
    instance: text(fields.instance),
    requestId: text(fields.requestId) ?? response.headers.get('x-request-id') ?? undefined,
    errors: errors.length > 0 ? errors : undefined,
    duplicates: duplicates.length > 0 ? duplicates : undefined,
  };
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function waitPhrase(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

// The platform writes `detail` for people on these statuses; for others its text is generic
// ("Access Denied", a stack-free 500) and ours reads better.
const STATUSES_WITH_USER_DETAIL = new Set([400, 401, 404, 409, 413, 422, 429]);

/** What went wrong, in words a user can act on. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong. Try again, and reload the page if it keeps happening.';
  }
  const { status, problem } = error;
  if (status === NETWORK_FAILURE) {
    return "We couldn't reach ChosenCRM. Check your connection and try again.";
  }
  if (status === 429 && error.retryAfterSeconds !== undefined) {
    const lead = problem.detail ?? 'Too many attempts.';
    return `${lead.replace(/\.?$/, '.')} Try again in ${waitPhrase(error.retryAfterSeconds)}.`;
  }
  if (problem.detail && STATUSES_WITH_USER_DETAIL.has(status)) {
    return problem.detail;
  }
  switch (status) {
    case 400:
      return 'Some of the information is not valid. Check the highlighted fields.';
    case 401:
      return 'You need to sign in again.';
    case 403:
      return "You don't have permission to do that.";
    case 404:
      return "We couldn't find that. It may have been deleted.";
    case 409:
      return 'Someone else changed this while you were editing. Reload to see the latest version, then try again.';
    case 413:
      return 'The file is too large to upload.';
    case 422:
      return "That can't be done in the current state. Reload and check.";
    case 429:
      return 'Too many attempts. Wait a moment and try again.';
    case 503:
      return 'A service ChosenCRM depends on is not answering. Try again in a moment.';
    default:
      break;
  }
  if (status >= 500) {
    const ref = problem.requestId ? ` (reference ${problem.requestId})` : '';
    return `Something went wrong on our side${ref}. Try again in a moment.`;
  }
  return problem.title || 'The request failed.';
}

/** The service's message for one field of a failed call (forms without react-hook-form). */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors.find((f) => f.field === field)?.message : undefined;
}

/** "roles[0]" and "roles" name the same form field; "address.city" is already a form path. */
export function normaliseFieldPath(field: string): string {
  return field.replace(/\[\d+\]/g, '');
}

/**
 * Puts each field error of a problem beside its form field. Returns the message to show above the
 * form: the problem in words when no field took it, or null when every field error found a field.
 * `conflictField` is the field a 409 is about where the form can only conflict on one thing (an
 * email or a name already taken): user-service answers those without field errors.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  { conflictField }: { conflictField?: Path<T> } = {},
): string | null {
  if (conflictField && error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0) {
    setError(conflictField, { type: 'server', message: describeError(error) }, { shouldFocus: true });
    return null;
  }
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) {
    return describeError(error);
  }
  const known = new Set<string>(fields);
  const unplaced: string[] = [];
  let placed = 0;
  for (const { field, message } of error.fieldErrors) {
    const path = normaliseFieldPath(field);
    if (known.has(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced.push(message);
    }
  }
  if (unplaced.length > 0) return unplaced.join(' ');
  return placed > 0 ? null : describeError(error);
}
