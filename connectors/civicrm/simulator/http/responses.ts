// Writes the response shapes a WordPress-hosted CiviCRM sends: JSON with PHP headers, 401 text, HTML pages.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendText } from '../../../simulator/http-helpers.js';
import { encodePhpJson } from '../../../simulator/php-json.js';

/** Every API JSON answer carries PHP's session and no-cache headers (observed). */
export function sendApiJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, encodePhpJson(body), {
    'content-type': 'application/json',
    'cache-control': 'no-store, no-cache, must-revalidate',
    expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
    'set-cookie': `PHPSESSID=${randomBytes(13).toString('hex')}; path=/; HttpOnly`,
  });
}

/** AuthX rejects before WordPress sends its headers, so this one is a real 401. */
export function sendAuthFailure(res: ServerResponse, message: string): void {
  sendText(res, 401, `HTTP 401 ${message}`, { 'content-type': 'text/plain;charset=UTF-8' });
}

/** What a PHP fatal (bad JSON in params) looks like on WordPress. */
export function sendCriticalErrorPage(res: ServerResponse): void {
  sendText(
    res,
    500,
    '<!DOCTYPE html>\n<html lang="en-US">\n<head><meta charset="UTF-8"><title>WordPress &rsaquo; Error</title></head>\n' +
      '<body id="error-page"><div class="wp-die-message"><p>There has been a critical error on this website.</p>' +
      '<p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body>\n</html>',
    { 'content-type': 'text/html; charset=UTF-8' },
  );
}

export function sendNotFoundPage(res: ServerResponse): void {
  sendText(
    res,
    404,
    '<!DOCTYPE html>\n<html lang="en-US">\n<head><meta charset="UTF-8"><title>Page not found</title></head>\n' +
      '<body class="error404"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></body>\n</html>',
    { 'content-type': 'text/html; charset=UTF-8' },
  );
}

export function sendLoginRedirect(res: ServerResponse, requestUrl: string): void {
  res.writeHead(302, { location: `/wp-login.php?redirect_to=${encodeURIComponent(requestUrl)}&reauth=1`, 'content-length': 0 });
  res.end();
}
