import Store

/// The dashboard's list of things to do, by role, with counts limited to the user's own school,
/// EDC, employer, referrals (or everything, for coordinators). A count of zero is not listed.
struct DashboardItems {
    let deps: Dependencies
    var queue: WorkQueue { WorkQueue(pool: deps.pool) }

    /// One line: a link, what it is about, and (optionally) a quieter detail.
    static func item(_ href: String, _ label: String, detail: String? = nil) -> [String: String] {
        var item = ["href": href, "label": label]
        if let detail { item["detail"] = detail }
        return item
    }

    /// "1 student" / "3 students".
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    func items(for user: SignedInUser) async throws -> [[String: String]] {
        var todo: [[String: String]] = []
        switch user.role {
        case .counselor:
            guard let school = user.organizationID else { return [] }
            let c = try await queue.school(school)
            if c.missingConsent > 0 {
                todo.append(Self.item("/students", "\(Self.count(c.missingConsent, "student has", "students have")) no guardian consent on file"))
            }
            if c.withoutChoices > 0 {
                todo.append(Self.item("/students", "\(Self.count(c.withoutChoices, "student has", "students have")) no choices yet"))
            }
            if c.pendingConsentRequests > 0 {
                todo.append(Self.item("/students", "\(Self.count(c.pendingConsentRequests, "consent request waits", "consent requests wait")) for a guardian's answer"))
            }
            todo.append(Self.item("/students", "Enter or review your students' choices"))
        case .edcStaff, .employer:
            let c = try await queue.slots(scope: user.rankingScope)
            if c.toRank > 0 {
                todo.append(Self.item("/rankings", "\(Self.count(c.toRank, "slot has", "slots have")) applicants you could rank",
                                      detail: "optional: unranked slots use the default order and the lottery"))
            }
            if user.role == .edcStaff {
                if c.unchosen > 0 { todo.append(Self.item("/slots", "\(Self.count(c.unchosen, "offered slot", "offered slots")) no student has chosen yet")) }
                if let open = c.withOpenSeats, open > 0 {
                    todo.append(Self.item("/slots", "\(Self.count(open, "slot has", "slots have")) seats left after the published match"))
                }
                if c.withdrawn > 0 { todo.append(Self.item("/slots", "\(Self.count(c.withdrawn, "slot is", "slots are")) withdrawn", detail: "offer again if they are available")) }
                todo.append(Self.item("/slots", "Keep your employers' slots up to date", detail: Self.count(c.active, "slot offered", "slots offered")))
            } else {
                todo.append(Self.item("/rankings", "See your slots' applicants and rank them"))
            }
        case .caseWorker:
            let c = try await queue.referrals(caseWorkerID: user.id)
            if c.awaitingApproval > 0 {
                todo.append(Self.item("/referrals/approvals", "\(Self.count(c.awaitingApproval, "placement waits", "placements wait")) for your approval"))
            }
            if c.awaitingOutcome > 0 {
                todo.append(Self.item("/referrals", "\(Self.count(c.awaitingOutcome, "referral awaits", "referrals await")) a published match"))
            }
            todo.append(Self.item("/referrals", "Refer a student, or see how your referrals were placed"))
        case .coordinator:
            let c = try await queue.operations()
            if let run = c.latestRunID, let state = c.latestRunState {
                let kind = c.latestRunKind == "final" ? "final" : "trial"
                let words = ["running": "is running", "succeeded": "succeeded: review it", "failed": "failed: see why", "published": "was published"]
                todo.append(Self.item("/runs/\(run)", "The latest match run (#\(run), \(kind)) \(words[state] ?? state)"))
            } else {
                todo.append(Self.item("/runs", "No match has run yet: start a trial run"))
            }
            if c.failedJobs > 0 {
                todo.append(Self.item("/jobs?state=discarded", "\(Self.count(c.failedJobs, "background job", "background jobs")) failed in the last 7 days",
                                      detail: "see why, and retry or leave them"))
            }
            if c.unsentEmails > 0 {
                todo.append(Self.item(c.failedEmails > 0 ? "/outbox?state=failed" : "/outbox?state=queued", "\(Self.count(c.unsentEmails, "email is", "emails are")) not sent yet",
                                      detail: c.failedEmails > 0 ? "\(c.failedEmails) failed: check SMTP_URL and the worker's log" : "the worker sends them"))
            }
            todo.append(Self.item("/users", "Manage users and API tokens"))
            todo.append(Self.item("/policy", "Review the eligibility policy and the round's settings"))
        }
        return todo
    }
}
