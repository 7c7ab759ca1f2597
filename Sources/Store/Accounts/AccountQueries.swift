/// The SQL of ``UserAccountStore``, ``SessionRecordStore``, ``LoginAttemptStore`` and ``APITokenStore``.
enum AccountQueries {
    static let userColumns = "id, email, name, role, organization_id, can_view_juvenile, disabled, password_hash"

    /// The user whose email is $1, ignoring case.
    static let userByEmail = "SELECT \(userColumns) FROM users WHERE lower(email) = lower($1)"
    /// The user with id $1.
    static let userByID = "SELECT \(userColumns) FROM users WHERE id = $1"
    /// Every user, by name.
    static let allUsers = "SELECT \(userColumns) FROM users ORDER BY lower(name), id"
    /// Adds a user.
    static let insertUser = """
        INSERT INTO users (email, name, role, organization_id, can_view_juvenile, password_hash)
        VALUES ($1, $2, $3, $4, $5, $6)
        RETURNING \(userColumns)
        """
    /// The organization whose code is $1.
    static let organizationByCode = "SELECT id FROM organizations WHERE code = $1"
    /// Sets user $1's role to $2 and organization to $3.
    static let setRole = "UPDATE users SET role = $2, organization_id = $3, updated_at = now() WHERE id = $1"
    /// Disables ($2 = true) or enables user $1.
    static let setDisabled = "UPDATE users SET disabled = $2, updated_at = now() WHERE id = $1"
    /// Sets user $1's password hash to $2.
    static let setPassword = "UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1"

    /// Stores a new session; fails with a unique violation when the key exists.
    static let insertSession = "INSERT INTO web_sessions (key, value, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3))"
    /// Stores or replaces a session; $3 = null keeps the current expiry (one day for a new row).
    static let upsertSession = """
        INSERT INTO web_sessions (key, value, expires_at)
        VALUES ($1, $2::jsonb, now() + make_interval(secs => coalesce($3, 86400)))
        ON CONFLICT (key) DO UPDATE SET value = excluded.value,
            expires_at = CASE WHEN $3 IS NULL THEN web_sessions.expires_at ELSE excluded.expires_at END
        """
    /// The unexpired session $1 (its JSON, and the fields the web app stores in it, as columns) and
    /// its seconds to live, with the account of the user it names (`userID`), without the password hash.
    static let sessionWithAccount = """
        SELECT w.value::text AS value, extract(epoch FROM w.expires_at - now())::float8 AS ttl,
               w.value ->> 'userID' AS user_id, w.value ->> 'csrfToken' AS csrf_token, w.value ->> 'flash' AS flash,
               u.id AS account_id, u.email, u.name, u.role, u.organization_id, u.can_view_juvenile, u.disabled
        FROM web_sessions w
        LEFT JOIN users u ON u.id = (CASE WHEN (w.value ->> 'userID') ~ '^[0-9]{1,18}$'
                                          THEN (w.value ->> 'userID')::bigint END)
        WHERE w.key = $1 AND w.expires_at > now()
        """
    /// Deletes session $1.
    static let deleteSession = "DELETE FROM web_sessions WHERE key = $1"
    /// Deletes expired sessions.
    static let deleteExpiredSessions = "DELETE FROM web_sessions WHERE expires_at <= now()"

    /// Records a sign-in attempt.
    static let insertLoginAttempt = "INSERT INTO login_attempts (email, address, succeeded) VALUES ($1, $2, $3)"
    /// Failed attempts in the last $3 seconds for email $1 and from address $2.
    static let recentFailures = """
        SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int8 AS by_email,
               count(*) FILTER (WHERE address = $2)::int8 AS by_address
        FROM login_attempts
        WHERE NOT succeeded AND attempted_at > now() - make_interval(secs => $3)
          AND (lower(email) = lower($1) OR address = $2)
        """
    /// Forgets attempts older than $1 seconds.
    static let deleteOldLoginAttempts = "DELETE FROM login_attempts WHERE attempted_at < now() - make_interval(secs => $1)"

    /// Adds a token for user $1 named $2 whose secret is $3 (only its SHA-256 is kept).
    static let insertToken = """
        INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, sha256(convert_to($3, 'UTF8')))
        RETURNING id
        """
    /// The enabled user owning the unrevoked token $1; marks the token used.
    static let userByToken = """
        UPDATE api_tokens t SET last_used_at = now()
        FROM users u
        WHERE t.token_hash = sha256(convert_to($1, 'UTF8')) AND t.revoked_at IS NULL
          AND u.id = t.user_id AND NOT u.disabled
        RETURNING u.id, u.email, u.name, u.role, u.organization_id, u.can_view_juvenile, u.disabled, u.password_hash
        """
    /// Revokes token $1 of user $2.
    static let revokeToken = "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL"
    /// Logs action $1 on token $2 (its owner and name, never the secret).
    static let auditToken = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT audit_actor_user_id(), audit_actor(), $1, 'api_tokens', t.id::text,
               jsonb_build_object('user_id', t.user_id, 'name', t.name)
        FROM api_tokens t WHERE t.id = $2
        """
    /// Every token with its owner's email, newest first.
    static let allTokens = """
        SELECT t.id, t.user_id, u.email, t.name, to_char(t.created_at, 'YYYY-MM-DD HH24:MI') AS created_at,
               to_char(t.last_used_at, 'YYYY-MM-DD HH24:MI') AS last_used_at, to_char(t.revoked_at, 'YYYY-MM-DD HH24:MI') AS revoked_at
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC
        """
}
