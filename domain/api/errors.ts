/**
 * Every refusal the service sends: `{ code, message, details }`. The code is the contract (the pane
 * and scripts branch on it); the message is Japanese, for the person reading it; details never hold
 * a cell's value. The HTTP layer turns an ApiFailure into that body with its status.
 */
import { z } from 'zod';

/** Each code the service sends, with what it means (docs/api.md is generated from this table). */
export const API_ERRORS = {
  // Requests
  'bad-request': 'the request could not be read',
  'malformed-json': 'the body is not JSON',
  'invalid-input': 'the body or query does not match the route’s schema (paths named, values not)',
  'too-large': 'the body is over the route’s limit',
  'unsupported-encoding': 'not UTF-8 (or, for a plan file, neither UTF-8 nor CP932)',
  'unsupported-media-type': 'a content type the route does not take',
  'headers-too-large': 'URL or headers over 16 KB',
  'not-found': 'no such route, or no such record within the caller’s reach',
  internal: 'an unexpected failure; nothing was written',
  // Authentication and roles
  unauthorized: 'no token, or an unknown or revoked one',
  forbidden: 'the role or scope does not allow it',
  'cli-only': 'finance and admin tokens are made only with the CLI on the server',
  'too-many-failures': 'too many failed authentications from this address: wait Retry-After seconds',
  'not-https': 'the manifest is served over HTTPS only',
  'unknown-origin': 'the Host is not a configured public origin',
  'invalid-scope': 'a token’s bureau or division does not fit its role',
  'label-looks-personal': 'a token label that names a person',
  // Values
  'invalid-name': 'a bureau, division or claim name with control or invisible characters, or too long',
  'invalid-fiscal-year': 'a fiscal year outside the supported range, or unreadable',
  'invalid-value': 'a typed field whose value is not canonical (rows and fields named)',
  'looks-personal': 'free text that looks personal: send again confirmed, unless it holds a My Number',
  'personal-field': 'a personal field (name, address, contact) was sent',
  'key-not-hashed': 'a debtor id sent in clear instead of as a keyed hash',
  // Ledger sync
  'invalid-ledger-id': 'a ledger id outside 8–64 letters, digits, `_` and `-`',
  'row-hash-mismatch': 'a row’s hash does not match its values',
  'duplicate-key': 'the same row key twice in one submission',
  'part-mismatch': 'a part that disagrees with the submission’s header',
  'submission-conflict': 'the same submission id with a different body',
  'stale-revision': 'the ledger moved on since the base revision: catch up and send again',
  // Plans and oversight
  'version-conflict': 'the record changed since it was read: reload and edit again',
  'baseline-settled': 'the baseline year is settled (確定) and cannot change',
  'no-plan': 'no plan for that claim and year',
  'proposal-exists': 'the claim already has a proposal for that year',
  'invalid-transition': 'a state change the workflow does not allow',
  // Plan import (details: row, column)
  'bad-encoding': 'the file’s bytes are not text in its encoding',
  'malformed-csv': 'the CSV cannot be read',
  'empty-file': 'the file holds nothing',
  'no-rows': 'a header but no plan rows',
  'too-many-rows': 'more rows than the import takes',
  'duplicate-column': 'a template column twice',
  'missing-columns': 'template columns are missing',
  'unreadable-xlsx': 'the file is not a readable .xlsx',
  'duplicate-claim': 'the same claim and year twice in the file',
  'conflicting-classification': 'one claim given two classifications',
  'invalid-amount': 'an amount that is not whole yen within the limit',
  'invalid-classification': 'a classification the city does not use',
  'missing-value': 'a required cell is blank',
} as const satisfies Record<string, string>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** The body of every error response. */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The details of a 422 `looks-personal`: the spans found per field; `confirmable` false for a My Number. */
export const PersonalTextDetails = z.object({
  fields: z.array(
    z.object({
      field: z.string(),
      spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), kind: z.string() })),
    }),
  ),
  confirmable: z.boolean(),
});

/**
 * A refusal: thrown by the services (sync, plans, oversight) and answered by the HTTP layer with
 * `status` and the body above. The services know no HTTP beyond this number.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
