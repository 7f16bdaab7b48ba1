// Lifetimes and limits of onboarding that are ours to choose (Stream's documentation is silent).

/** A connect code shown at the counter works this long (issue 16: 10 minutes). */
export const CONNECT_CODE_LIFETIME_MS = 10 * 60_000;

/** Wrong connect codes typed while one is live before it is void (the manager makes a new one).
 * With ~39 bits per code, guessing is hopeless within this many tries. */
export const CONNECT_CODE_MAX_FAILURES = 5;

/** An authorization code must be exchanged within this (RFC 6749 §4.1.2 recommends ≤ 10 min). */
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;

/** "Last call from Stream" reaches the database at most this often per connection. */
export const LAST_CALL_WRITE_INTERVAL_MS = 60_000;
