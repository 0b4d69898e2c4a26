import createClient from 'openapi-fetch';
import { session } from '@/auth/sessionInstance';
import type { components, paths } from './generated/lead-service';
import { byId, call } from './call';
import { networkError, toApiError } from './problem';

/*
 * The spreadsheet import of lead-service (`/api/leads/imports`), kept apart from leadService.ts.
 * Answers are typed as generated; only the strings with known values (state, duplicate policy) are
 * narrowed.
 */
type Schemas = components['schemas'];

/**
 * MAPPING (uploaded, waiting for the mapping), QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED,
 * EXPIRED (never started). The document types it as a string.
 */
export type ImportState = 'MAPPING' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';
export type DuplicatePolicy = 'SKIP' | 'UPDATE' | 'CREATE';

export type ColumnHeader = Schemas['ColumnHeader'];
export type MappedColumn = Schemas['MappedColumn'];
/** `field` null when nothing matched; `matchedBy` SAVED, CUSTOM_FIELD or HEADER. */
export type ProposedColumn = Schemas['ProposedColumn'];
export type ImportProgress = Schemas['Progress'];
export type ImportUndo = Schemas['Undo'];
export type ImportJob = Omit<Schemas['ImportJobView'], 'state' | 'duplicatePolicy'> & {
  state: ImportState;
  duplicatePolicy: DuplicatePolicy | null;
};
export type ImportSummary = Omit<Schemas['ImportJobSummary'], 'state'> & { state: ImportState };
export type StartImportRequest = {
  mapping: MappedColumn[];
  duplicatePolicy: DuplicatePolicy;
  saveMapping?: boolean;
  defaultAssigneeId?: string;
};
export type UndoResult = Schemas['UndoResult'];

const client = createClient<paths>({ baseUrl: window.location.origin, fetch: session.authorizedFetch });

/** Requests the typed client cannot make (multipart upload, a file download), with the session. */
async function raw(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await session.authorizedFetch(new Request(new URL(path, window.location.origin), init));
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export const leadImports = {
  /** Step one: the file is checked and its columns matched; the import waits in MAPPING. */
  upload: async (file: File): Promise<ImportJob> => {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await raw('/api/leads/imports', { method: 'POST', body: form });
    return (await response.json()) as ImportJob;
  },
  start: (id: string, body: StartImportRequest) =>
    call<ImportJob>(client.POST('/api/leads/imports/{id}/start', { ...byId(id), body })),
  get: (id: string) => call<ImportJob>(client.GET('/api/leads/imports/{id}', byId(id))),
  list: (cursor?: string, limit = 10) =>
    call<{ items: ImportSummary[]; nextCursor: string | null }>(
      client.GET('/api/leads/imports', { params: { query: { cursor, limit } } }),
    ),
  cancel: (id: string) => call<ImportJob>(client.POST('/api/leads/imports/{id}/cancel', byId(id))),
  /** Removes the leads the import created that nobody has touched since; keeps the others. */
  undo: (id: string) => call<UndoResult>(client.POST('/api/leads/imports/{id}/undo', byId(id))),
  /** The refused and skipped rows as a workbook: row number, column, value, reason. */
  errorReport: async (id: string): Promise<Blob> => {
    const response = await raw(`/api/leads/imports/${encodeURIComponent(id)}/errors.xlsx`, { method: 'GET' });
    return response.blob();
  },
};
