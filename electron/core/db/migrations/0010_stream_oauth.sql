-- Stream's merchant onboarding (OAuth authorization code grant, issue 16): connect codes shown at
-- the counter, authorization codes, and the token families Stream calls with. Every secret is
-- kept only as its SHA-256 hash (hex); the plain value exists once, in the answer that gave it.

-- A code the manager reads off the counter screen and types into the sign-in page Stream opens.
CREATE TABLE stream_connect_codes (
  code_hash       TEXT PRIMARY KEY,
  created_at      INTEGER NOT NULL,
  created_by      TEXT NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER,
  -- Wrong codes typed while this one was the live one; past the limit it is void.
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  voided_at       INTEGER
) STRICT;

-- One connection of Stream to this store: what one authorization code started. Its tokens are
-- rotated on refresh; revoking the family revokes all of them.
CREATE TABLE stream_token_families (
  id            TEXT PRIMARY KEY,
  client_id     TEXT NOT NULL,
  redirect_uri  TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  revoked_at    INTEGER,
  revoke_reason TEXT,
  last_call_at  INTEGER
) STRICT;

-- Single use, ten minutes, bound to the client and redirect URI (and to the PKCE challenge).
CREATE TABLE stream_auth_codes (
  code_hash      TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL,
  redirect_uri   TEXT NOT NULL,
  code_challenge TEXT,
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER,
  -- The family the exchange started: revoked if the code is ever presented again.
  family_id      TEXT REFERENCES stream_token_families (id)
) STRICT;

CREATE TABLE stream_tokens (
  token_hash TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  family_id  TEXT NOT NULL REFERENCES stream_token_families (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- A refresh token is used once: the rotation that replaced it.
  used_at    INTEGER,
  revoked_at INTEGER
) STRICT;

CREATE INDEX stream_tokens_family ON stream_tokens (family_id);
