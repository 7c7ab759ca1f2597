/// Work closed to young students regardless of hazardous-occupation orders (29 CFR 570.33).
public enum RestrictedWork: String, Hashable, Sendable, CaseIterable {
    case manufacturing
    case mining
    case powerMachinery = "power_machinery"

    var title: String {
        switch self {
        case .manufacturing: "manufacturing"
        case .mining: "mining"
        case .powerMachinery: "power-driven machinery"
        }
    }
}

/// Why the student-learner exemption did not lift a hazardous-occupation order.
public enum ExemptionGap: Hashable, Sendable {
    /// These orders are never exempt (HO2, HO7) or not among the policy's exempt orders.
    case ordersNotExempt(HazardousOrderSet)
    /// The student is younger than the exemption's minimum age on the start date.
    case tooYoung(AgeFact)
    /// The student's program of study is not the slot's.
    case programMismatch(slot: ProgramOfStudy?, student: ProgramOfStudy?)
    /// No signed student-learner agreement on file.
    case noAgreement
}

/// Which availability a schedule was compared with.
public enum AvailabilitySeason: String, Hashable, Sendable {
    case schoolYear = "school_year"
    case summer
}

/// What location is missing for a commute.
public enum MissingLocation: String, Hashable, Sendable {
    /// The slot is not virtual but has no located site.
    case site
    /// Neither the student's home nor her school is located.
    case student
}

/// Which court-ordered restriction excludes the slot. Confidential juvenile data.
public enum CourtRestrictionFact: Hashable, Sendable {
    /// The employer is excluded.
    case excludedEmployer(employerID: Int64)
    /// The site's county is excluded.
    case excludedCounty(String)
    /// The slot ends after the curfew; `slotEnds` is minutes after the start day's midnight (may exceed 1440).
    case curfew(curfew: TimeOfDay, slotEnds: Int)
}
