/// One CTE concentrator of the 5S3 cohort (graduated in the reporting period).
public struct PerkinsStudent: Sendable, Equatable {
    public var schoolID: Int64
    public var schoolName: String
    /// Program-of-study code, or nil when none is recorded.
    public var programOfStudy: String?
    /// Perkins special-population codes (`disability`, `english_learner`, …).
    public var specialPopulations: [String]
    /// Whether she completed a work-based-learning placement (status `completed`): the numerator.
    public var completedPlacement: Bool
    /// Whether juvenile services referred her. Only ever true when the report was asked for by
    /// someone entitled to juvenile data; otherwise never read from the database.
    public var justiceInvolved: Bool

    /// Makes a student row (tests build cohorts by hand).
    public init(schoolID: Int64, schoolName: String, programOfStudy: String?, specialPopulations: [String],
                completedPlacement: Bool, justiceInvolved: Bool = false) {
        self.schoolID = schoolID
        self.schoolName = schoolName
        self.programOfStudy = programOfStudy
        self.specialPopulations = specialPopulations
        self.completedPlacement = completedPlacement
        self.justiceInvolved = justiceInvolved
    }
}
