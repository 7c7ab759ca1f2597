-- The mail outbox (module Mail). An email is queued in the same transaction as the work that caused
-- it (Outbox.enqueue), rendered once to its final RFC 5322 bytes; OutboxSender delivers due emails,
-- one transaction per email: claim the row FOR UPDATE SKIP LOCKED, hand it to SMTP, mark it sent,
-- commit. While SMTP is down an email stays 'queued' with its error and a later next_attempt_at.
CREATE TABLE outbox_email (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The Message-ID header, with angle brackets; every delivery attempt sends the same one.
    message_id      text NOT NULL UNIQUE CHECK (message_id ~ '^<[^<>@ ]+@[^<>@ ]+>$'),
    envelope_from   text NOT NULL CHECK (envelope_from <> ''),
    recipients      text[] NOT NULL CHECK (cardinality(recipients) > 0),
    subject         text NOT NULL,
    message         bytea NOT NULL CHECK (octet_length(message) > 0),
    state           text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
    -- Delivery attempts made so far (successful or not).
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    -- The most recent failure, kept after a later success as history.
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);

-- The sender's claim: due queued emails in order.
CREATE INDEX outbox_email_due ON outbox_email (next_attempt_at, id) WHERE state = 'queued';
