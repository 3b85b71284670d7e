// An error the simulated webservice answers inside its JSON envelope, with Vtiger's code and message.

export class VtigerFault extends Error {
  /** Usually a string code; "Duplicate(s) detected!" carries the integer 0 as on a real Vtiger. */
  readonly code: string | number;

  constructor(code: string | number, message: string) {
    super(message);
    this.name = 'VtigerFault';
    this.code = code;
  }

  static accessDenied(suffix = ''): VtigerFault {
    return new VtigerFault('ACCESS_DENIED', `Permission to perform the operation is denied${suffix}`);
  }
}

/** An uncaught PHP error: HTTP 500, text/html, empty body (display_errors is off). */
export class PhpCrash extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PhpCrash';
  }
}
