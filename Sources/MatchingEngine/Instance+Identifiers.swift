extension Instance {
    /// A student given by id, for ``Instance/init(seed:students:positions:infeasible:)``.
    public struct StudentInput: Sendable, Hashable {
        /// Any string, unique among students.
        public var id: String
        /// Position ids, best first.
        public var preferences: [String]
        /// May take reserved seats.
        public var reserveEligible: Bool

        /// Creates a student input.
        public init(id: String, preferences: [String], reserveEligible: Bool = false) {
            self.id = id
            self.preferences = preferences
            self.reserveEligible = reserveEligible
        }
    }

    /// A position given by id.
    public struct PositionInput: Sendable, Hashable {
        /// Any string, unique among positions.
        public var id: String
        /// Seats (≥ 0).
        public var capacity: Int
        /// Reserved seats (0 ≤ reserved ≤ capacity).
        public var reserved: Int
        /// Tiers of student ids, best first; nil accepts every applicant in one tier; `[]` accepts no one.
        public var ranking: [[String]]?

        /// Creates a position input.
        public init(id: String, capacity: Int, reserved: Int = 0, ranking: [[String]]? = nil) {
            self.id = id
            self.capacity = capacity
            self.reserved = reserved
            self.ranking = ranking
        }
    }

    /// A pair given by ids that never takes part.
    public struct InfeasibleInput: Sendable, Hashable {
        /// Student id.
        public var student: String
        /// Position id.
        public var position: String
        /// Reason codes.
        public var reasons: [String]

        /// Creates an infeasible pair.
        public init(student: String, position: String, reasons: [String]) {
            self.student = student
            self.position = position
            self.reasons = reasons
        }
    }

    /// Builds an instance from string ids. Students and positions are put in the order of their ids'
    /// UTF-8 bytes, which is the lottery's canonical order, so the result does not depend on input order.
    /// Throws ``InstanceError`` listing every problem with a JSON-style path into the given arrays.
    public init(
        seed: UInt64 = 0, students: [StudentInput], positions: [PositionInput], infeasible: [InfeasibleInput] = []
    ) throws(InstanceError) {
        var raw = RawInstance()
        raw.seed = seed
        var studentSyms = SymbolTable(expected: students.count), positionSyms = SymbolTable(expected: positions.count)
        var studentOf: [Int32] = [], positionOf: [Int32] = []
        var sIDs = IDList(), pIDs = IDList()
        for (i, s) in students.enumerated() {
            let sym = studentSyms.intern(s.id)
            if Int(sym) < studentOf.count {
                raw.problems.append(InstanceProblem(path: "students[\(i)].id", message: "duplicate student id \"\(s.id)\" (first at students[\(studentOf[Int(sym)])])"))
            } else { studentOf.append(Int32(i)) }
            sIDs.append(s.id)
        }
        for (i, p) in positions.enumerated() {
            let sym = positionSyms.intern(p.id)
            if Int(sym) < positionOf.count {
                raw.problems.append(InstanceProblem(path: "positions[\(i)].id", message: "duplicate position id \"\(p.id)\" (first at positions[\(positionOf[Int(sym)])])"))
            } else { positionOf.append(Int32(i)) }
            pIDs.append(p.id)
        }
        func student(_ id: String) -> Int32 {
            let sym = Int(studentSyms.intern(id))
            return sym < studentOf.count ? studentOf[sym] : -1
        }
        func position(_ id: String) -> Int32 {
            let sym = Int(positionSyms.intern(id))
            return sym < positionOf.count ? positionOf[sym] : -1
        }
        for s in students {
            for id in s.preferences {
                let p = position(id)
                if p < 0 { raw.unknownPreference[raw.prefs.count] = id }
                raw.prefs.append(p)
            }
            raw.prefStart.append(Int32(clamping: raw.prefs.count))
            raw.eligible.append(s.reserveEligible)
        }
        for p in positions {
            raw.capacity.append(Int64(p.capacity))
            raw.reserved.append(Int64(p.reserved))
            raw.hasRanking.append(p.ranking != nil)
            for (t, tier) in (p.ranking ?? []).enumerated() {
                for (i, id) in tier.enumerated() {
                    let s = student(id)
                    if s < 0 { raw.unknownRanked[raw.rankStudent.count] = id }
                    raw.rankStudent.append(s)
                    raw.rankTier.append(Int32(t + 1))
                    raw.rankSub.append(Int32(i))
                }
            }
            raw.rankStart.append(Int32(clamping: raw.rankStudent.count))
        }
        for (i, pair) in infeasible.enumerated() {
            let s = student(pair.student), p = position(pair.position)
            if s < 0 { raw.unknownInfStudent[i] = pair.student }
            if p < 0 { raw.unknownInfPosition[i] = pair.position }
            raw.infStudent.append(s)
            raw.infPosition.append(p)
            raw.infReasons.append(pair.reasons)
        }
        raw.studentIDs = sIDs
        raw.positionIDs = pIDs
        let problems = raw.validated()
        guard problems.isEmpty else { throw InstanceError(problems: problems) }
        self = raw.build()
    }
}
