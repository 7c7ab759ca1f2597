/// An instance as read, in input order, with references resolved to input indices (-1 = unknown id).
/// Both the JSON reader and the public builders fill one, then ``validated()`` reports every problem with
/// its JSON path and ``build()`` produces the canonical ``Instance``.
struct RawInstance {
    var seed: UInt64 = 0
    /// Present when students and positions have string ids; the instance is then put in id order.
    var studentIDs: IDList?
    var positionIDs: IDList?

    var prefStart: [Int32] = [0]
    var prefs: [Int32] = []
    var eligible: [Bool] = []

    var capacity: [Int64] = []
    var reserved: [Int64] = []
    var hasRanking: [Bool] = []
    var rankStart: [Int32] = [0]
    var rankStudent: [Int32] = []
    /// 1-based tier: the index of the ranking entry it came from, plus one.
    var rankTier: [Int32] = []
    /// Index inside a tie group, or -1 when the ranking entry was a single id (for error paths).
    var rankSub: [Int32] = []

    var infStudent: [Int32] = []
    var infPosition: [Int32] = []
    var infReasons: [[String]] = []

    /// Names of references that did not resolve, keyed by their index in `prefs`, `rankStudent`, or `infStudent`/`infPosition`.
    var unknownPreference: [Int: String] = [:]
    var unknownRanked: [Int: String] = [:]
    var unknownInfStudent: [Int: String] = [:]
    var unknownInfPosition: [Int: String] = [:]

    /// Problems found while reading (types, missing fields, duplicate ids), in input order.
    var problems: [InstanceProblem] = []

    var studentCount: Int { eligible.count }
    var positionCount: Int { capacity.count }

    private func positionLabel(_ p: Int) -> String {
        if let ids = positionIDs { return "position \"\(ids.string(p))\"" }
        return "position \(p)"
    }

    private func studentLabel(_ s: Int) -> String {
        if let ids = studentIDs { return "student \"\(ids.string(s))\"" }
        return "student \(s)"
    }

    private func unknown(_ kind: String, _ name: String?, _ value: Int32, _ limit: Int) -> String {
        if let name { return "unknown \(kind) \"\(name)\"" }
        return "\(kind) index \(value) is out of range 0..<\(limit)"
    }

    /// Every problem: those found while reading plus references, duplicates, capacities and reserves.
    func validated() -> [InstanceProblem] {
        var out = problems
        let n = studentCount, m = positionCount
        if prefs.count > Int(Int32.max) || rankStudent.count > Int(Int32.max) {
            out.append(InstanceProblem(path: "students", message: "more than 2^31 choices or ranking entries are not supported"))
            return out
        }
        var seenAt = [Int32](repeating: -1, count: m)
        var seenBy = [Int32](repeating: -1, count: m)
        for s in 0..<n {
            let lo = Int(prefStart[s]), hi = Int(prefStart[s + 1])
            for k in lo..<hi {
                let p = prefs[k]
                if p == Int32.min { continue }  // a reference the reader already reported
                func path() -> String { "students[\(s)].preferences[\(k - lo)]" }
                if p < 0 || Int(p) >= m {
                    out.append(InstanceProblem(path: path(), message: unknown("position", unknownPreference[k], p, m)))
                } else if seenBy[Int(p)] == Int32(s) {
                    out.append(InstanceProblem(path: path(), message: "lists \(positionLabel(Int(p))) twice (first at preferences[\(seenAt[Int(p)])]); keep one"))
                } else {
                    seenBy[Int(p)] = Int32(s)
                    seenAt[Int(p)] = Int32(k - lo)
                }
            }
        }
        var rankedBy = [Int32](repeating: -1, count: n)
        var rankedAt = [Int32](repeating: -1, count: n)
        for p in 0..<m {
            let c = capacity[p], r = reserved[p]
            if c < 0 {
                out.append(InstanceProblem(path: "positions[\(p)].capacity", message: "must be 0 or more, got \(c)"))
            } else if c > Int64(Int32.max) {
                out.append(InstanceProblem(path: "positions[\(p)].capacity", message: "must be at most \(Int32.max), got \(c)"))
            } else if r < 0 || r > c {
                out.append(InstanceProblem(path: "positions[\(p)].reserved", message: "must be between 0 and the capacity \(c), got \(r)"))
            }
            let lo = Int(rankStart[p]), hi = Int(rankStart[p + 1])
            for k in lo..<hi {
                let s = rankStudent[k]
                if s == Int32.min { continue }
                func path() -> String { rankPath(p, k) }
                if s < 0 || Int(s) >= n {
                    out.append(InstanceProblem(path: path(), message: unknown("student", unknownRanked[k], s, n)))
                } else if rankedBy[Int(s)] == Int32(p) {
                    out.append(InstanceProblem(path: path(), message: "ranks \(studentLabel(Int(s))) twice (first at \(rankPath(p, Int(rankedAt[Int(s)])).dropFirst("positions[\(p)].".count))); keep one"))
                } else {
                    rankedBy[Int(s)] = Int32(p)
                    rankedAt[Int(s)] = Int32(k)
                }
            }
        }
        for i in 0..<infStudent.count {
            let s = infStudent[i], p = infPosition[i]
            if s != Int32.min && (s < 0 || Int(s) >= n) {
                out.append(InstanceProblem(path: "infeasible[\(i)].student", message: unknown("student", unknownInfStudent[i], s, n)))
            }
            if p != Int32.min && (p < 0 || Int(p) >= m) {
                out.append(InstanceProblem(path: "infeasible[\(i)].position", message: unknown("position", unknownInfPosition[i], p, m)))
            }
        }
        return out
    }

    private func rankPath(_ p: Int, _ k: Int) -> String {
        let sub = rankSub[k]
        let tierIndex = rankTier[k] - 1
        return sub < 0 ? "positions[\(p)].ranking[\(tierIndex)]" : "positions[\(p)].ranking[\(tierIndex)][\(sub)]"
    }

    /// The canonical instance. Call only when ``validated()`` is empty.
    /// With ids, students and positions are reordered by their ids' UTF-8 bytes.
    func build() -> Instance {
        let n = studentCount, m = positionCount
        let sOrder: [Int32] = studentIDs?.sortedOrder() ?? (0..<Int32(n)).map { $0 }
        let pOrder: [Int32] = positionIDs?.sortedOrder() ?? (0..<Int32(m)).map { $0 }
        var sNew = [Int32](repeating: 0, count: n)
        for (new, old) in sOrder.enumerated() { sNew[Int(old)] = Int32(new) }
        var pNew = [Int32](repeating: 0, count: m)
        for (new, old) in pOrder.enumerated() { pNew[Int(old)] = Int32(new) }

        var prefStartOut = [Int32](repeating: 0, count: n + 1)
        var prefsOut = [Int32]()
        prefsOut.reserveCapacity(prefs.count)
        var eligibleOut = [Bool](repeating: false, count: n)
        for new in 0..<n {
            let old = Int(sOrder[new])
            for k in Int(prefStart[old])..<Int(prefStart[old + 1]) { prefsOut.append(pNew[Int(prefs[k])]) }
            prefStartOut[new + 1] = Int32(prefsOut.count)
            eligibleOut[new] = eligible[old]
        }
        var capOut = [Int32](repeating: 0, count: m), resOut = [Int32](repeating: 0, count: m)
        var hasOut = [Bool](repeating: false, count: m)
        var rankStartOut = [Int32](repeating: 0, count: m + 1)
        var rankStudentOut = [Int32](), rankTierOut = [Int32]()
        rankStudentOut.reserveCapacity(rankStudent.count)
        rankTierOut.reserveCapacity(rankTier.count)
        for new in 0..<m {
            let old = Int(pOrder[new])
            capOut[new] = Int32(capacity[old])
            resOut[new] = Int32(reserved[old])
            hasOut[new] = hasRanking[old]
            for k in Int(rankStart[old])..<Int(rankStart[old + 1]) {
                rankStudentOut.append(sNew[Int(rankStudent[k])])
                rankTierOut.append(rankTier[k])
            }
            rankStartOut[new + 1] = Int32(rankStudentOut.count)
        }
        // Merge repeated infeasible pairs, keep reasons in input order without repeats, sort by (student, position).
        var merged: [UInt64: Int] = [:]
        var pairs: [InfeasiblePair] = []
        for i in 0..<infStudent.count {
            let s = sNew[Int(infStudent[i])], p = pNew[Int(infPosition[i])]
            let key = UInt64(UInt32(s)) << 32 | UInt64(UInt32(p))
            if let at = merged[key] {
                for r in infReasons[i] where !pairs[at].reasons.contains(r) { pairs[at].reasons.append(r) }
            } else {
                merged[key] = pairs.count
                var reasons: [String] = []
                for r in infReasons[i] where !reasons.contains(r) { reasons.append(r) }
                pairs.append(InfeasiblePair(student: s, position: p, reasons: reasons))
            }
        }
        pairs.sort { ($0.student, $0.position) < ($1.student, $1.position) }
        return Instance(
            seed: seed, preferenceStart: prefStartOut, preferences: prefsOut, reserveEligible: eligibleOut,
            capacity: capOut, reserved: resOut, hasRanking: hasOut, rankingStart: rankStartOut,
            rankingStudent: rankStudentOut, rankingTier: rankTierOut, infeasible: pairs,
            studentIDs: studentIDs.map { ids in sOrder.map { ids.string(Int($0)) } } ?? [],
            positionIDs: positionIDs.map { ids in pOrder.map { ids.string(Int($0)) } } ?? []
        )
    }
}
