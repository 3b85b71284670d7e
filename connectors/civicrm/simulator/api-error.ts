// The two ways a simulated API call fails: an APIv4 error envelope, or a PHP fatal (HTML 500 page).

/**
 * An exception Civi turns into `{error_code, error_message, status}`. `status` is what
 * CRM_Api4_Page_AJAX intends (500 generic, 403 permission); on WordPress the status line
 * is 200 anyway, so the simulator decides later which one to send.
 */
export class ApiError extends Error {
  readonly code = 'CIVI_API_ERROR';

  constructor(
    message: string,
    readonly status: 500 | 403 = 500,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A request PHP itself chokes on (bad JSON in `params`, a string where an array is
 * typed): observed as WordPress's "critical error" HTML page with a real 500.
 */
export class CriticalError extends Error {
  readonly code = 'CIVI_CRITICAL';

  constructor(detail: string) {
    super(detail);
    this.name = 'CriticalError';
  }
}

/** The exact error texts of CiviCRM 5.77 (see shared/reference/civicrm.md, "Error bodies"). */
export const civiErrors = {
  unknownEntity: (entity: string, action: string) =>
    new ApiError(`API (${entity}, ${action}) does not exist (or the extension it belongs to is not enabled).`),
  unknownAction: (entity: string, action: string) => new ApiError(`Api ${entity} ${action} version 4 does not exist.`),
  invalidField: (name: string) => new ApiError(`Invalid field '${name}'`),
  illegalOperator: () => new ApiError('Illegal operator'),
  invalidSortDirection: (field: string, direction: string) =>
    new ApiError(`Invalid sort direction. Cannot order by ${field} ${direction}`),
  mandatoryMissing: (entity: string, action: string, fields: readonly string[]) =>
    new ApiError(`Mandatory values missing from Api4 ${entity}::${action}: ${fields.join(', ')}`),
  constraintViolation: () => new ApiError('DB Error: constraint violation'),
  // PEAR DB's text for a duplicate key; not observed on the live site (UNCONFIRMED wording).
  alreadyExists: () => new ApiError('DB Error: already exists'),
  updateWhereRequired: () => new ApiError('Parameter "where" is required unless primary keys are supplied in values.'),
  whereRequired: () => new ApiError('Parameter "where" is required.'),
  expectedOne: (entity: string, found: number) => new ApiError(`Expected one ${entity} but found ${found}`),
  indexNotFound: (index: number) => new ApiError(`Index ${index} not found in api results`),
  // Anonymous callers never see this text: it is masked (see envelope.ts).
  unauthorized: () => new ApiError('Authorization failed', 403),
};
