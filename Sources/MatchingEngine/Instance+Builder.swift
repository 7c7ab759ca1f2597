extension Instance {
    /// Builds an ``Instance`` from dense indices: students and positions are numbered in the order added,
    /// and students' indices are the lottery's canonical order.
    ///
    /// ```swift
    /// var b = Instance.Builder(seed: 7)
    /// let p = b.addPosition(capacity: 2, ranking: [[0], [1, 2]])   // student 0 first, then 1 and 2 tied
    /// b.addStudent(preferences: [p])
    /// b.addStudent(preferences: [p], reserveEligible: true)
    /// b.addStudent(preferences: [p])
    /// b.addInfeasible(student: 2, position: p, reasons: ["under_minimum_age"])
    /// let instance = try b.build()
    /// ```
    public struct Builder: Sendable {
        private var raw = RawInstance()

        /// Starts an empty instance with a lottery seed.
        public init(seed: UInt64 = 0) { raw.seed = seed }

        /// Adds a student with her list of position indices (best first); returns her index.
        @discardableResult
        public mutating func addStudent(preferences: [Int], reserveEligible: Bool = false) -> Int {
            for p in preferences { raw.prefs.append(Int32(clamping: p)) }
            raw.prefStart.append(Int32(clamping: raw.prefs.count))
            raw.eligible.append(reserveEligible)
            return raw.eligible.count - 1
        }

        /// Adds a position; `ranking` lists tiers of student indices (best tier first, ties inside a tier),
        /// or nil to accept every applicant in one tier. Returns its index.
        @discardableResult
        public mutating func addPosition(capacity: Int, reserved: Int = 0, ranking: [[Int]]? = nil) -> Int {
            raw.capacity.append(Int64(capacity))
            raw.reserved.append(Int64(reserved))
            raw.hasRanking.append(ranking != nil)
            for (t, tier) in (ranking ?? []).enumerated() {
                for (i, s) in tier.enumerated() {
                    raw.rankStudent.append(Int32(clamping: s))
                    raw.rankTier.append(Int32(t + 1))
                    raw.rankSub.append(Int32(i))
                }
            }
            raw.rankStart.append(Int32(clamping: raw.rankStudent.count))
            return raw.capacity.count - 1
        }

        /// Marks a pair as never taking part, with reason codes kept for explanations.
        public mutating func addInfeasible(student: Int, position: Int, reasons: [String] = []) {
            raw.infStudent.append(Int32(clamping: student))
            raw.infPosition.append(Int32(clamping: position))
            raw.infReasons.append(reasons)
        }

        /// Validates and returns the instance, or throws ``InstanceError`` listing every problem
        /// with a path such as `students[3].preferences[1]`.
        public func build() throws(InstanceError) -> Instance {
            let problems = raw.validated()
            guard problems.isEmpty else { throw InstanceError(problems: problems) }
            return raw.build()
        }
    }
}
