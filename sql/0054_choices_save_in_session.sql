-- The reorder script's save checks the session in the same statement (one round trip, not two).
--
-- The choices page's drag-and-drop script sends a whole new order on every drop. Through the web
-- app's usual chain that is two statements: the session and its account, then choices_save. This
-- function does both in one, and saves only when every check the chain makes would pass:
--   * the session exists and has not expired (as the session store reads it);
--   * the token sent with the request is the session's CSRF token (compared as SHA-256 digests, so
--     the comparison's time says nothing about the token);
--   * the session's user exists and is not disabled;
--   * the user is a coordinator (any school), or a counselor of a school (that school's students);
--     every other role may not reorder;
--   * then choices_save as the web app calls it, stamped with the user as the actor.
-- Any other case answers 'passed_on' and changes nothing: the web app then handles the request
-- the usual way, which gives the answer the user should see (sign-in page, 403, 404, ...). So
-- this function may be stricter than the web app, never looser; the web app's own rules stay the
-- reference (ChoiceOrderShortcut, WebApp).
CREATE FUNCTION choices_save_in_session(p_session_key text, p_csrf_sha256 bytea, p_student bigint, p_slots bigint[])
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    who_id bigint;
    who_email text;
    who_role text;
    who_school bigint;
    answer text;
BEGIN
    SELECT u.id, u.email, u.role, u.organization_id INTO who_id, who_email, who_role, who_school
    FROM web_sessions w
    JOIN users u ON u.id = (CASE WHEN (w.value ->> 'userID') ~ '^[0-9]{1,18}$' THEN (w.value ->> 'userID')::bigint END)
    WHERE w.key = p_session_key AND w.expires_at > now()
      AND sha256(convert_to(w.value ->> 'csrfToken', 'UTF8')) = p_csrf_sha256
      AND NOT u.disabled
      AND (u.role = 'coordinator' OR (u.role = 'counselor' AND u.organization_id IS NOT NULL));
    IF NOT FOUND THEN
        RETURN 'passed_on';
    END IF;
    SELECT s.outcome INTO answer
    FROM choices_save(p_student, CASE WHEN who_role = 'counselor' THEN who_school END, NULL, NULL, coalesce(p_slots, '{}'),
                      true, who_email, who_id) s;
    RETURN CASE WHEN answer = 'saved' THEN 'saved' ELSE 'passed_on' END;
END $$;
