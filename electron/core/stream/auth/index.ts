// Stream-listener authentication, in one place: the static inbound token, the body signature
// and the OAuth tokens Stream gets through merchant onboarding. Any transport carrying Stream's
// calls decides with `StreamAuthenticator.authenticate`.
export {
  StreamAuthenticator,
  type StreamAuthResult,
  type StreamCredentials,
} from './authenticate.js';
export { installStreamAuth, keepRawBodies } from './fastify-hooks.js';
export { StreamOAuth, OAuthError, type OAuthSettings, type TokenAnswer } from './oauth.js';
export { registerOAuthRoutes } from './routes.js';
export { oauthSettings } from './settings.js';
