import Database
import Foundation
import Placement

/// Reads a run's inputs in the caller's REPEATABLE READ transaction and digests them as read.
enum RunSnapshot {
    /// The round to run: `roundID`, or the newest open round.
    static func roundID(_ requested: Int64?, on conn: Connection) async throws -> Int64 {
        if let requested { return requested }
        guard let row = try await conn.query(SnapshotQueries.currentRound).first else {
            throw RunError(stage: "snapshot", message: "there is no open round; create one or name it with --round ID")
        }
        return try row.decode("id", as: Int64.self)
    }

    /// Reads the inputs of round `roundID` in `conn`'s REPEATABLE READ transaction. With `pool`, the
    /// students and slots (the larger half to decode) are read at the same time on a second
    /// connection that shares the transaction's snapshot, when the pool has one free; the digest is
    /// the same either way (the second connection's bytes are digested in their place in the order).
    static func load(roundID: Int64, on conn: Connection, pool: DatabasePool? = nil) async throws -> RunInputs {
        var digest = SHA256()
        guard let roundRow = try await conn.query(SnapshotQueries.round, [roundID]).first else {
            throw RunError(stage: "snapshot", message: "round \(roundID) does not exist (see the rounds table)")
        }
        let round = RunInputs.Round(id: try roundRow.decode("id"), name: try roundRow.decode("name"), state: try roundRow.decode("state"),
                                    previousRoundID: try roundRow.decode("previous_round_id"), maxChoices: try roundRow.decode("max_choices"))
        digest.update("round \(round.id) \(round.name) \(round.state) \(round.previousRoundID.map(String.init) ?? "-") \(round.maxChoices)\n")

        var policy = EligibilityPolicy.default
        var policyVersion: Int?
        if let row = try await conn.query(SnapshotQueries.policy).first {
            let text: String = try row.decode("policy")
            policyVersion = try row.decode("version")
            do { policy = try EligibilityPolicy.load(json: text, source: "policies version \(policyVersion ?? 0)") } catch {
                throw RunError(stage: "snapshot", message: "the current policy does not load: \(error)")
            }
            digest.update("policy \(policyVersion ?? 0)\n")
            digest.update(text)
        } else {
            digest.update("policy default\n")
        }
        _ = try await conn.query(SnapshotQueries.bindRound, [String(round.id), round.previousRoundID.map(String.init) ?? ""])

        func copy(_ sql: String, _ body: (CopyTextRows.Row) throws -> Void) async throws {
            var reader = CopyTextRows()
            digest.update(Array(sql.utf8))
            for try await chunk in conn.copyOut(sql) {
                digest.update(chunk)
                try reader.feed(chunk, body)
            }
        }

        // The students and slots, on a second connection if there is one free (nil: read them here after).
        var studentsAndSlots: Task<StudentsAndSlots?, any Error>?
        if let pool {
            let snapshot: String = try await conn.query(SnapshotQueries.exportSnapshot)[0].decode("id")
            studentsAndSlots = Task { try await pool.withConnectionIfAvailable { side in
                try await side.withTransaction(.repeatableRead, readOnly: true) { side in
                    try await side.executeScript(try SnapshotQueries.setSnapshot(snapshot))
                    _ = try await side.query(SnapshotQueries.bindRound, [String(round.id), round.previousRoundID.map(String.init) ?? ""])
                    return try await StudentsAndSlots.read(on: side, capacity: 0)
                }
            } }
        }
        defer { studentsAndSlots?.cancel() }

        var kept: [Int64: RunInputs.KeptPlacement] = [:]
        if round.previousRoundID != nil {
            try await copy(SnapshotQueries.kept) { r in
                kept[r.int64(0)!] = .init(slotID: r.int64(1)!, choiceRank: r.int(2) ?? 1, reservedSeat: r.bool(3))
            }
        }
        var choices: [Int64: [Int64]] = [:]
        try await copy(SnapshotQueries.choices) { r in choices[r.int64(0)!, default: []].append(r.int64(1)!) }
        var rankings: [Int64: [RunInputs.RankingEntry]] = [:]
        try await copy(SnapshotQueries.rankings) { r in
            rankings[r.int64(0)!, default: []].append(.init(studentID: r.int64(1)!, tier: r.int(2) ?? 1))
        }
        let read: StudentsAndSlots
        if let side = try await studentsAndSlots?.value { read = side } else {
            read = try await StudentsAndSlots.read(on: conn, capacity: choices.count + kept.count)
        }
        for (sql, chunks) in [(SnapshotQueries.students, read.studentChunks), (SnapshotQueries.slots, read.slotChunks)] {
            digest.update(Array(sql.utf8))
            for chunk in chunks { digest.update(chunk) }
        }
        let students = read.students, slots = read.slots
        var sites: [Site] = []
        try await copy(SnapshotQueries.sites) { r in
            sites.append(Site(id: r.int64(0)!, employerID: r.int64(1)!, name: r.text(2), county: r.text(3),
                              location: GeoPoint(latitude: r.double(4) ?? 0, longitude: r.double(5) ?? 0)))
        }
        var employers: [Int64: Employer] = [:]
        try await copy(SnapshotQueries.employers) { r in
            employers[r.int64(0)!] = Employer(id: r.int64(0)!, externalID: r.text(1), edcID: r.int64(2)!, name: r.text(3))
        }
        var organizations: [Int64: RunInputs.Organization] = [:]
        try await copy(SnapshotQueries.organizations) { r in
            let location = r.double(2).flatMap { lat in r.double(3).flatMap { GeoPoint(latitude: lat, longitude: $0) } }
            organizations[r.int64(0)!] = .init(id: r.int64(0)!, name: r.text(1), location: location)
        }
        var busRoutes: [Int64: Set<Int64>] = [:]
        try await copy(SnapshotQueries.busRoutes) { r in busRoutes[r.int64(0)!, default: []].insert(r.int64(1)!) }
        var referrals: [Int64: Referral] = [:]
        var userNames: [Int64: String] = [:]
        try await copy(SnapshotQueries.referrals) { r in
            let restrictions = CourtRestrictions(
                excludedEmployerIDs: r.array(8).compactMap { Int64($0) }, excludedCounties: r.array(9),
                curfew: r.string(6).flatMap { TimeOfDay(parsing: $0.prefix(5)) }, caseworkerApprovalRequired: r.bool(7))
            let studentID = r.int64(1)!
            guard referrals[studentID] == nil else { return }   // one referral per student counts
            referrals[studentID] = Referral(id: r.int64(0)!, studentID: studentID, referredBy: r.int64(2)!,
                                            juvenileServicesID: r.int64(3)!, referredOn: try SnapshotDecoding.day(r, 4),
                                            restrictions: restrictions)
            userNames[r.int64(2)!] = r.text(5)
        }
        var withoutChoices: [Int64: Int] = [:]
        for row in try await conn.query(SnapshotQueries.studentsPerSchool) {
            withoutChoices[try row.decode("school_id")] = try row.decode("students")
        }
        for student in students { withoutChoices[student.schoolID, default: 0] -= 1 }
        withoutChoices = withoutChoices.filter { $0.value > 0 }
        var inputs = RunInputs(round: round, policy: policy, policyVersion: policyVersion, students: students, slots: slots,
                         sites: sites, employers: employers, organizations: organizations, busRoutes: busRoutes,
                         referrals: referrals, userNames: userNames, choices: choices, rankings: rankings, kept: kept,
                         digest: digest.finalizeHex())
        inputs.withoutChoices = withoutChoices
        return inputs
    }
}

/// The students and slots of a snapshot, with the bytes they were read from (for the digest).
struct StudentsAndSlots: Sendable {
    var students: [Student] = []
    var slots: [Slot] = []
    var studentChunks: [[UInt8]] = []
    var slotChunks: [[UInt8]] = []

    static func read(on conn: Connection, capacity: Int) async throws -> StudentsAndSlots {
        var read = StudentsAndSlots()
        read.students.reserveCapacity(capacity)
        var schedules: [String: WeeklySchedule] = [:]
        var reader = CopyTextRows()
        for try await chunk in conn.copyOut(SnapshotQueries.students) {
            read.studentChunks.append(chunk)
            try reader.feed(chunk) { r in read.students.append(try SnapshotDecoding.student(r, schedules: &schedules)) }
        }
        reader = CopyTextRows()
        for try await chunk in conn.copyOut(SnapshotQueries.slots) {
            read.slotChunks.append(chunk)
            try reader.feed(chunk) { r in read.slots.append(try SnapshotDecoding.slot(r, schedules: &schedules)) }
        }
        return read
    }
}
