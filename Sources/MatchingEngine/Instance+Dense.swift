extension Instance {
    /// Builds an instance straight from dense arrays (no copies), validating them. This is the fast path for
    /// callers that already hold indices, such as a database snapshot or a benchmark file.
    ///
    /// Ranking entries of position `p` are `rankingStudent[rankingStart[p]..<rankingStart[p + 1]]` with tiers ≥ 1 in
    /// `rankingTier`; `hasRanking[p] == false` means the position accepts everyone in one tier. Students' indices are
    /// the lottery's canonical order. Problems are reported with dense paths (`students[3].preferences[1]`,
    /// `positions[2].ranking[5]` for the sixth flattened entry).
    public init(
        seed: UInt64, preferenceStart: [Int32], preferences: [Int32], reserveEligible: [Bool],
        capacity: [Int32], reserved: [Int32], hasRanking: [Bool], rankingStart: [Int32],
        rankingStudent: [Int32], rankingTier: [Int32], infeasible: [InfeasiblePair] = []
    ) throws(InstanceError) {
        var problems: [InstanceProblem] = []
        let n = reserveEligible.count, m = capacity.count
        func shape(_ ok: Bool, _ path: String, _ message: String) {
            if !ok { problems.append(InstanceProblem(path: path, message: message)) }
        }
        shape(preferenceStart.count == n + 1, "preferenceStart", "needs \(n + 1) entries (students + 1), has \(preferenceStart.count)")
        shape(reserved.count == m && hasRanking.count == m, "positions", "capacity, reserved and hasRanking need one entry per position")
        shape(rankingStart.count == m + 1, "rankingStart", "needs \(m + 1) entries (positions + 1), has \(rankingStart.count)")
        shape(rankingTier.count == rankingStudent.count, "rankingTier", "needs one tier per ranking entry")
        if problems.isEmpty {
            shape(preferenceStart.first == 0 && preferenceStart.last.map(Int.init) == preferences.count
                  && zip(preferenceStart, preferenceStart.dropFirst()).allSatisfy { $0 <= $1 },
                  "preferenceStart", "must rise from 0 to the number of preferences")
            shape(rankingStart.first == 0 && rankingStart.last.map(Int.init) == rankingStudent.count
                  && zip(rankingStart, rankingStart.dropFirst()).allSatisfy { $0 <= $1 },
                  "rankingStart", "must rise from 0 to the number of ranking entries")
        }
        guard problems.isEmpty else { throw InstanceError(problems: problems) }
        var stamp = [Int32](repeating: -1, count: max(m, n))
        for s in 0..<n {
            for k in Int(preferenceStart[s])..<Int(preferenceStart[s + 1]) {
                let p = preferences[k]
                func path() -> String { "students[\(s)].preferences[\(k - Int(preferenceStart[s]))]" }
                if p < 0 || Int(p) >= m {
                    problems.append(InstanceProblem(path: path(), message: "position index \(p) is out of range 0..<\(m)"))
                } else if stamp[Int(p)] == Int32(s) {
                    problems.append(InstanceProblem(path: path(), message: "lists position \(p) twice; keep one"))
                } else { stamp[Int(p)] = Int32(s) }
            }
        }
        for i in stamp.indices { stamp[i] = -1 }
        for p in 0..<m {
            if capacity[p] < 0 {
                problems.append(InstanceProblem(path: "positions[\(p)].capacity", message: "must be 0 or more, got \(capacity[p])"))
            } else if reserved[p] < 0 || reserved[p] > capacity[p] {
                problems.append(InstanceProblem(path: "positions[\(p)].reserved", message: "must be between 0 and the capacity \(capacity[p]), got \(reserved[p])"))
            }
            for k in Int(rankingStart[p])..<Int(rankingStart[p + 1]) {
                let s = rankingStudent[k]
                func path() -> String { "positions[\(p)].ranking[\(k - Int(rankingStart[p]))]" }
                if s < 0 || Int(s) >= n {
                    problems.append(InstanceProblem(path: path(), message: "student index \(s) is out of range 0..<\(n)"))
                } else if stamp[Int(s)] == Int32(p) {
                    problems.append(InstanceProblem(path: path(), message: "ranks student \(s) twice; keep one"))
                } else { stamp[Int(s)] = Int32(p) }
                if rankingTier[k] < 1 { problems.append(InstanceProblem(path: path(), message: "tier must be 1 or more, got \(rankingTier[k])")) }
            }
        }
        for (i, pair) in infeasible.enumerated() {
            if pair.student < 0 || Int(pair.student) >= n {
                problems.append(InstanceProblem(path: "infeasible[\(i)].student", message: "student index \(pair.student) is out of range 0..<\(n)"))
            }
            if pair.position < 0 || Int(pair.position) >= m {
                problems.append(InstanceProblem(path: "infeasible[\(i)].position", message: "position index \(pair.position) is out of range 0..<\(m)"))
            }
        }
        guard problems.isEmpty else { throw InstanceError(problems: problems) }
        var pairs = infeasible
        if !zip(pairs, pairs.dropFirst()).allSatisfy({ ($0.student, $0.position) <= ($1.student, $1.position) }) {
            pairs.sort { ($0.student, $0.position) < ($1.student, $1.position) }
        }
        // Merge repeated pairs so lookups see one entry per pair.
        var merged: [InfeasiblePair] = []
        merged.reserveCapacity(pairs.count)
        for pair in pairs {
            if let last = merged.last, last.student == pair.student, last.position == pair.position {
                for r in pair.reasons where !last.reasons.contains(r) { merged[merged.count - 1].reasons.append(r) }
            } else { merged.append(pair) }
        }
        self.init(
            seed: seed, preferenceStart: preferenceStart, preferences: preferences, reserveEligible: reserveEligible,
            capacity: capacity, reserved: reserved, hasRanking: hasRanking, rankingStart: rankingStart,
            rankingStudent: rankingStudent, rankingTier: rankingTier, infeasible: merged, studentIDs: [], positionIDs: [])
    }
}
