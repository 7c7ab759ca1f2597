-- Interim queue of rendered run emails, written in the run's own transaction, until the Mail
-- module's outbox lands (then `wblmatch` hands run emails to the outbox and this table stays empty).
CREATE TABLE run_email_queue (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template         text NOT NULL,
    user_id          bigint REFERENCES users (id) ON DELETE SET NULL,
    to_name          text NOT NULL,
    to_address       text NOT NULL,
    subject          text NOT NULL,
    text_body        text NOT NULL,
    html_body        text NOT NULL,
    attachment_name  text,
    attachment_type  text,
    attachment       bytea,
    created_at       timestamptz NOT NULL DEFAULT now()
);
