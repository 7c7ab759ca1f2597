/// Everything the reports of one run are made from. Pure data, built by `MatchRuns`.
public struct RunReport: Sendable {
    public var run: RunInfo
    /// Every student who took part in the round.
    public var students: [StudentOutcome]
    /// Every active slot of the round.
    public var slots: [SlotOutcome]
    /// The previous run's assignments of the same round (student id → slot id), if there was one.
    public var previousAssignments: [Int64: Int64]?
    /// The address of the run in the web app, e.g. `https://wbl.example.org/runs/42`.
    public var webURL: String
    /// School id → students who entered no choices (not in `students`: they took no part).
    public var withoutChoices: [Int64: Int] = [:]

    public init(run: RunInfo, students: [StudentOutcome], slots: [SlotOutcome],
                previousAssignments: [Int64: Int64]? = nil, webURL: String, withoutChoices: [Int64: Int] = [:]) {
        self.run = run
        self.students = students
        self.slots = slots
        self.previousAssignments = previousAssignments
        self.webURL = webURL
        self.withoutChoices = withoutChoices
    }
}
