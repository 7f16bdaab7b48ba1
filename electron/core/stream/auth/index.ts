// Stream-listener authentication, in one place: the static inbound token, the body signature
// and the OAuth tokens Stream gets through merchant onboarding. Any transport carrying Stream's
// calls decides with `StreamAuthenticator.authenticate`.
export {
  StreamAuthenticator,
  type AccessTokenVerifier,
  type StreamAuthResult,
  type StreamCredentials,
} from './authenticate.js';
export { installStreamAuth, keepRawBodies } from './fastify-hooks.js';
export { StreamOAuth, type OAuthSettings } from './oauth.js';
export * from './grants.js';
export { registerOAuthRoutes, type AuthorizationServer, type SignInOutcome } from './routes.js';
export { oauthSettings } from './settings.js';
