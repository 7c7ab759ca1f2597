-- Sign-in attempts, for rate limiting (failures per email and per client address in a window)
-- and for the audit of who tried to sign in. Old rows are deleted by the web app as it goes.
CREATE TABLE login_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text NOT NULL,
    address      text NOT NULL,
    succeeded    boolean NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email ON login_attempts (lower(email), attempted_at);
CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at);
