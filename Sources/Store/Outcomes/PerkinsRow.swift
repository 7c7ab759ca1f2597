/// One line of the 5S3 report: of `concentrators` graduates in the group, `participated`
/// completed a work-based-learning placement.
public struct PerkinsRow: Sendable, Equatable {
    /// Which breakdown: `overall`, `special_population`, `school`, `program_of_study`,
    /// `school_program`, or `justice_involved` (a separate row, never a Perkins population).
    public var group: String
    /// The code within the group (`english_learner`, a school id, `agriculture`, `12/agriculture`).
    public var key: String
    /// What a person reads (`English learners`, `Clovis High School`).
    public var label: String
    /// The denominator: CTE concentrators who graduated.
    public var concentrators: Int
    /// The numerator: of those, how many completed a placement.
    public var participated: Int

    /// participated / concentrators, nil when the group is empty.
    public var rate: Double? { concentrators == 0 ? nil : Double(participated) / Double(concentrators) }

    /// The rate as a percentage with one decimal (`66.7%`), or `n/a`.
    public var percent: String {
        guard let rate else { return "n/a" }
        let tenths = (rate * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }
}
