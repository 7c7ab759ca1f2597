/// Every number and limit the eligibility rules use, with the defaults of DOMAIN.md (US federal
/// child-labor rules, FLSA 29 CFR 570, and the consortium's choices). A coordinator reads and
/// changes it as JSON (stored by the app; shipped as `policy/default-policy.json`); the rules'
/// code holds no limit of its own.
///
/// ```swift
/// let policy = try EligibilityPolicy.load(json: data, source: "policy.json")  // validated
/// let data = try policy.jsonData()
/// ```
/// A document may omit fields (they take their defaults, so older documents keep loading);
/// an unknown field is an error, so a misspelling never silently falls back to a default.
public struct EligibilityPolicy: Hashable, Sendable {
    /// Format version of the document. Currently 1.
    public var version: Int = 1
    /// Minimum age on a slot's start date for any placement. Default 14.
    public var minimumAge: Int = 14
    /// Minimum age for a job shadow. Default 0 (none; a guardian's consent is still required).
    public var jobShadowMinimumAge: Int = 0
    /// Which day a February 29 birthday falls on in common years. Default March 1 (conservative).
    public var leapDayBirthday: LeapDayBirthday = .march1
    /// A guardian's written consent is required under this age. Default 18.
    public var guardianConsentUnderAge: Int = 18
    /// A work permit on file is required under this age (New Mexico, verify). Default 16.
    public var workPermitUnderAge: Int = 16
    /// Kinds of placement that are not employment and need no work permit. Default job shadow.
    public var workPermitExemptKinds: [SlotKind] = [.jobShadow]
    /// Hour limits for young workers (14–15).
    public var youngWorkers = YoungWorkerPolicy()
    /// Hazardous and restricted work.
    public var hazardousWork = HazardousWorkPolicy()
    /// Commute limits.
    public var transport = TransportPolicy()
    /// School year, school hours and breaks.
    public var schoolCalendar = SchoolCalendar()
    /// Soft-check thresholds.
    public var warnings = WarningPolicy()

    /// The defaults of DOMAIN.md.
    public init() {}

    /// The defaults of DOMAIN.md.
    public static let `default` = EligibilityPolicy()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version
        case minimumAge = "minimum_age"
        case jobShadowMinimumAge = "job_shadow_minimum_age"
        case leapDayBirthday = "leap_day_birthday"
        case guardianConsentUnderAge = "guardian_consent_under_age"
        case workPermitUnderAge = "work_permit_under_age"
        case workPermitExemptKinds = "work_permit_exempt_kinds"
        case youngWorkers = "young_workers"
        case hazardousWork = "hazardous_work"
        case transport
        case schoolCalendar = "school_calendar"
        case warnings
    }

    /// Every problem of the policy, each naming its field; empty when valid.
    public func validationIssues() -> [PolicyIssue] {
        var v = PolicyValidator()
        v.check(version == 1, "version", "this WBLMatch reads policy version 1, got \(version)")
        v.age(minimumAge, "minimum_age")
        v.age(jobShadowMinimumAge, "job_shadow_minimum_age")
        v.age(guardianConsentUnderAge, "guardian_consent_under_age")
        v.age(workPermitUnderAge, "work_permit_under_age")
        v.check(minimumAge >= 14, "minimum_age",
                "federal law sets 14 as the youngest age for non-agricultural work; got \(minimumAge)")
        v.nested("young_workers") { youngWorkers.validate(&$0) }
        v.nested("hazardous_work") { hazardousWork.validate(&$0) }
        v.nested("transport") { transport.validate(&$0) }
        v.nested("school_calendar") { schoolCalendar.validate(&$0) }
        v.nested("warnings") { warnings.validate(&$0) }
        return v.issues
    }

    /// Throws a `PolicyError` listing every problem when the policy is not valid.
    public func validate(source: String = "(in memory)") throws(PolicyError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw PolicyError(source: source, issues: issues) }
    }
}

extension EligibilityPolicy: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EligibilityPolicy()
        version = try c.value(.version, or: d.version)
        minimumAge = try c.value(.minimumAge, or: d.minimumAge)
        jobShadowMinimumAge = try c.value(.jobShadowMinimumAge, or: d.jobShadowMinimumAge)
        leapDayBirthday = try c.value(.leapDayBirthday, or: d.leapDayBirthday)
        guardianConsentUnderAge = try c.value(.guardianConsentUnderAge, or: d.guardianConsentUnderAge)
        workPermitUnderAge = try c.value(.workPermitUnderAge, or: d.workPermitUnderAge)
        workPermitExemptKinds = try c.value(.workPermitExemptKinds, or: d.workPermitExemptKinds)
        youngWorkers = try c.value(.youngWorkers, or: d.youngWorkers)
        hazardousWork = try c.value(.hazardousWork, or: d.hazardousWork)
        transport = try c.value(.transport, or: d.transport)
        schoolCalendar = try c.value(.schoolCalendar, or: d.schoolCalendar)
        warnings = try c.value(.warnings, or: d.warnings)
    }
}
