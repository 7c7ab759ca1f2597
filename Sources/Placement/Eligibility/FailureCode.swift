/// The stable code of an eligibility rule that failed. The raw value is stored (match explanations,
/// reports, the API) and never changes meaning; new codes are only added.
public enum FailureCode: String, Sendable, CaseIterable, Codable, Comparable {
    /// Younger than the minimum age on the slot's start date.
    case underMinimumAge = "under_minimum_age"
    /// A young worker (14–15) would exceed an hour limit or work outside the allowed hours.
    case hoursLimit = "hours_limit"
    /// Manufacturing, mining or power-driven machinery for a student under 16.
    case restrictedWork = "restricted_work"
    /// A hazardous-occupations order blocks a minor and no exemption applies.
    case hazardousOrder = "hazardous_order"
    /// Agricultural hazardous work under 16 without the vocational-agriculture exemption.
    case agriculturalHazardous = "agricultural_hazardous"
    /// No guardian consent on file for a minor.
    case missingGuardianConsent = "missing_guardian_consent"
    /// No work permit on file for a student under 16.
    case missingWorkPermit = "missing_work_permit"
    /// No way to get to the site: not virtual, beyond walking distance, not on a school bus route.
    case noTransport = "no_transport"
    /// The site is farther than the policy's maximum commute.
    case commuteTooFar = "commute_too_far"
    /// The distance cannot be measured: the site or the student's home and school are not located.
    case locationUnknown = "location_unknown"
    /// The slot's weekly schedule is not inside the student's availability.
    case scheduleConflict = "schedule_conflict"
    /// The student lacks a certification the slot requires.
    case missingCertification = "missing_certification"
    /// The slot requires a cleared background check.
    case backgroundCheckRequired = "background_check_required"
    /// The slot requires a passed drug screen.
    case drugScreenRequired = "drug_screen_required"
    /// The slot requires a driver's license.
    case driversLicenseRequired = "drivers_license_required"
    /// The slot requires US citizenship.
    case usCitizenshipRequired = "us_citizenship_required"
    /// The student's grade is below the slot's minimum grade.
    case belowMinimumGrade = "below_minimum_grade"
    /// The slot admits only students of its program of study.
    case programOfStudyRequired = "program_of_study_required"
    /// A court-ordered restriction (confidential juvenile data).
    case courtRestriction = "court_restriction"
    /// The slot is not active.
    case slotInactive = "slot_inactive"
    /// The slot's data cannot be checked (its end date is before its start date).
    case slotInvalid = "slot_invalid"

    /// The code shown to a viewer not entitled to juvenile data in place of `court_restriction`.
    public static let maskedCode = "not_available"

    /// The code a viewer may see: `court_restriction` becomes `not_available` unless the viewer is
    /// entitled to juvenile data.
    public func visibleCode(to access: JuvenileDataAccess) -> String {
        self == .courtRestriction && access == .notEntitled ? FailureCode.maskedCode : rawValue
    }

    /// A general sentence for the code (used where no facts are at hand: legends, docs, summaries).
    public func summary(access: JuvenileDataAccess) -> String {
        switch self {
        case .underMinimumAge: "The student is younger than the minimum age for this slot on its start date."
        case .hoursLimit: "The slot's schedule exceeds the hours a 14- or 15-year-old may work, or falls outside the hours they may work."
        case .restrictedWork: "The slot involves manufacturing, mining or power-driven machinery, which is closed to students under 16."
        case .hazardousOrder: "The slot involves work under a hazardous-occupations order, which is closed to minors unless the student-learner exemption applies."
        case .agriculturalHazardous: "The slot involves hazardous farm work, which needs age 16, or the vocational-agriculture exemption."
        case .missingGuardianConsent: "No written guardian consent is on file for this minor."
        case .missingWorkPermit: "No work permit is on file for this student under 16."
        case .noTransport: "The student has no transport to the site, it is beyond walking distance and not on a school bus route."
        case .commuteTooFar: "The site is farther from the student than the maximum commute."
        case .locationUnknown: "The commute cannot be measured because a location is missing."
        case .scheduleConflict: "The slot's weekly schedule does not fit the student's availability."
        case .missingCertification: "The student lacks a certification the slot requires."
        case .backgroundCheckRequired: "The slot requires a cleared background check."
        case .drugScreenRequired: "The slot requires a passed drug screen."
        case .driversLicenseRequired: "The slot requires a driver's license."
        case .usCitizenshipRequired: "The slot requires US citizenship."
        case .belowMinimumGrade: "The student's grade is below the slot's minimum grade."
        case .programOfStudyRequired: "The slot admits only students of its program of study."
        case .courtRestriction:
            access == .entitled ? "A court-ordered restriction of the student's referral excludes this slot."
                                : EligibilityFailure.notAvailableSentence
        case .slotInactive: "The slot is not active."
        case .slotInvalid: "The slot's dates cannot be checked (it ends before it starts); the EDC must correct it."
        }
    }

    @inline(__always)
    var bit: UInt32 { 1 << UInt32(index) }

    /// Position in declaration order (the bit of `FailureSet`).
    @inline(__always)
    var index: Int {
        switch self {
        case .underMinimumAge: 0
        case .hoursLimit: 1
        case .restrictedWork: 2
        case .hazardousOrder: 3
        case .agriculturalHazardous: 4
        case .missingGuardianConsent: 5
        case .missingWorkPermit: 6
        case .noTransport: 7
        case .commuteTooFar: 8
        case .locationUnknown: 9
        case .scheduleConflict: 10
        case .missingCertification: 11
        case .backgroundCheckRequired: 12
        case .drugScreenRequired: 13
        case .driversLicenseRequired: 14
        case .usCitizenshipRequired: 15
        case .belowMinimumGrade: 16
        case .programOfStudyRequired: 17
        case .courtRestriction: 18
        case .slotInactive: 19
        case .slotInvalid: 20
        }
    }


    public static func < (a: FailureCode, b: FailureCode) -> Bool {
        a.index < b.index
    }
}

/// Whether a viewer may see juvenile-services data (referrals and court restrictions): the referring
/// case worker and coordinators explicitly granted it (`users.can_view_juvenile`).
public enum JuvenileDataAccess: Sendable, Hashable {
    case entitled
    case notEntitled
}
