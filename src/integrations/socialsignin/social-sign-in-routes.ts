// The two endpoints SocialSignIn (Orlo) calls when the gateway is an inbox's "custom CRM":
// search people by what a message's sender gave, and render one person in the inbox's iframe.
import type { GatewayServices } from '../../gateway.js';
import { sendJson, type RouteHandler } from '../../server/http-server.js';
import type { SocialSignInConfig } from './config.js';
import { loadContactCard } from './contact-card.js';
import { renderContactPage, renderNotFoundPage } from './contact-page.js';
import { PAGE_HEADERS } from './page-layout.js';
import { SignatureVerifier } from './signature-verifier.js';
import { signedRoute } from './signed-route.js';

export const SOCIALSIGNIN_SEARCH_PATH = '/integrations/socialsignin/search';
export const SOCIALSIGNIN_IFRAME_PATH = '/integrations/socialsignin/iframe';
/** The most results a search returns, best first. */
export const SOCIALSIGNIN_SEARCH_LIMIT = 20;

/** `now` (epoch milliseconds) is the clock `expires` is checked against. */
export function socialSignInRoutes(
  config: SocialSignInConfig,
  services: GatewayServices,
  now: () => number = Date.now,
): ReadonlyMap<string, RouteHandler> {
  const verifier = new SignatureVerifier(config.secret, config.clockSkewSeconds, now);

  // Answers {"results":[{"id","name"}]}; `id` is the unified person id the iframe is then given.
  const search = signedRoute(verifier, async (params, res) => {
    const q = params.get('q');
    if (q === null) return sendJson(res, 400, { error: 'Missing "q" parameter: the name, email or phone number to look for' });
    const people = services.directory.search(q, SOCIALSIGNIN_SEARCH_LIMIT);
    sendJson(res, 200, { results: people.map((p) => ({ id: p.id, name: p.displayName })) }, { 'cache-control': 'no-store' });
  });

  const iframe = signedRoute(verifier, async (params, res) => {
    const id = params.get('id')?.trim() || null;
    const card = id === null ? null : await loadContactCard(services, id);
    res.writeHead(card ? 200 : id === null ? 400 : 404, PAGE_HEADERS);
    res.end(card ? renderContactPage(card) : renderNotFoundPage(id));
  });

  return new Map([
    [SOCIALSIGNIN_SEARCH_PATH, search],
    [SOCIALSIGNIN_IFRAME_PATH, iframe],
  ]);
}
