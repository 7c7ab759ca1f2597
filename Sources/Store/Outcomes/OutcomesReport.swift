/// How a match run turned out, for coordinators: match rates by school, program of study, county
/// (students), by EDC and kind of placement (seats), unfilled slots, unmatched students by main
/// reason, reserved seats used, and the change from the previous run. The referred-youth row is
/// present only for readers entitled to juvenile-services data.
public struct OutcomesReport: Sendable, Equatable {
    /// One line: `matched` of `total` (students, or seats for EDC and kind).
    public struct Line: Sendable, Equatable {
        /// `school`, `program_of_study`, `county`, `edc`, `kind`, `referred`.
        public var group: String
        public var label: String
        public var total: Int
        public var matched: Int

        /// Makes a line.
        public init(group: String, label: String, total: Int, matched: Int) {
            self.group = group
            self.label = label
            self.total = total
            self.matched = matched
        }

        /// matched / total as a percentage with one decimal, or `n/a`.
        public var percent: String {
            guard total > 0 else { return "n/a" }
            let tenths = Int((Double(matched) * 1000 / Double(total)).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
    }
    /// A slot with seats left.
    public struct OpenSlot: Sendable, Equatable {
        public var title: String
        public var employer: String
        public var capacity: Int
        public var filled: Int
    }

    /// The published final run of the round before this run's round (a second round's first round).
    public struct PreviousRound: Sendable, Equatable {
        public var name: String
        public var runID: Int64
        public var students: Int
        public var matched: Int
    }

    public var runID: Int64
    public var students: Int
    public var matched: Int
    public var lines: [Line]
    public var unfilled: [OpenSlot]
    /// Unmatched students by the main reason (the outcome of their first choice), most common first.
    public var unmatchedReasons: [(reason: String, count: Int)]
    public var reservedSeats: Int
    public var reservedSeatsUsed: Int
    /// The previous run compared with, and its matched count.
    public var previousRunID: Int64?
    public var previousMatched: Int?
    /// Round over round: the previous round's published result, when this run's round follows one.
    public var previousRound: PreviousRound? = nil

    public static func == (a: OutcomesReport, b: OutcomesReport) -> Bool {
        a.runID == b.runID && a.students == b.students && a.matched == b.matched && a.lines == b.lines && a.unfilled == b.unfilled
            && a.unmatchedReasons.map(\.reason) == b.unmatchedReasons.map(\.reason) && a.unmatchedReasons.map(\.count) == b.unmatchedReasons.map(\.count)
            && a.reservedSeats == b.reservedSeats && a.reservedSeatsUsed == b.reservedSeatsUsed
            && a.previousRunID == b.previousRunID && a.previousMatched == b.previousMatched && a.previousRound == b.previousRound
    }

    /// The lines of one group.
    public func lines(_ group: String) -> [Line] { lines.filter { $0.group == group } }
}
