-- Sessions of the web app (issue 8): the key is the session cookie's id (with Hummingbird's
-- "hbs." prefix), the value the JSON of WebApp's WebSession (user id, CSRF token, flash message).
CREATE TABLE web_sessions (
    key        text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    value      jsonb NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);
