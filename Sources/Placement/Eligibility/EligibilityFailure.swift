/// One failed eligibility rule for a (student, slot) pair, with the facts that triggered it.
/// `code` is stable; `sentence(name:access:)` is what a counselor reads.
///
/// The fast check returns only a `FailureSet`; `EligibilityChecker.failures(...)` rebuilds these
/// facts for the pairs someone looks at, so no text is made for the millions of eligible pairs.
public enum EligibilityFailure: Hashable, Sendable {
    case underMinimumAge(AgeFact)
    /// A young-worker limit is broken on a day the student is still under the policy's age.
    case hoursLimit(HoursViolation, AgeFact)
    case restrictedWork([RestrictedWork], AgeFact)
    /// The blocking orders (those no exemption lifts) and why the student-learner exemption did not apply.
    case hazardousOrder(HazardousOrderSet, AgeFact, exemptionGaps: [ExemptionGap])
    case agriculturalHazardous(AgeFact, vocationalAgExemption: Bool)
    case missingGuardianConsent(AgeFact)
    case missingWorkPermit(AgeFact)
    /// `transport` is what the student has (own car without a license counts as none).
    case noTransport(transport: Transport, distanceKm: Double, walkingDistanceKm: Double)
    case commuteTooFar(distanceKm: Double, maximumKm: Double, from: CommuteOrigin)
    case locationUnknown(MissingLocation)
    case scheduleConflict(season: AvailabilitySeason, schedule: WeeklySchedule, availability: WeeklySchedule)
    case missingCertifications(CertificationSet)
    case backgroundCheckRequired
    case drugScreenRequired
    case driversLicenseRequired
    case usCitizenshipRequired
    case belowMinimumGrade(required: Int, grade: Int)
    case programOfStudyRequired(required: ProgramOfStudy?, student: ProgramOfStudy?)
    /// Confidential: explained only to viewers entitled to juvenile data.
    case courtRestriction(CourtRestrictionFact)
    case slotInactive
    case slotInvalid

    /// What everyone not entitled to juvenile data reads for a court restriction.
    public static let notAvailableSentence = "Not available for this student."

    /// The stable code.
    public var code: FailureCode {
        switch self {
        case .underMinimumAge: .underMinimumAge
        case .hoursLimit: .hoursLimit
        case .restrictedWork: .restrictedWork
        case .hazardousOrder: .hazardousOrder
        case .agriculturalHazardous: .agriculturalHazardous
        case .missingGuardianConsent: .missingGuardianConsent
        case .missingWorkPermit: .missingWorkPermit
        case .noTransport: .noTransport
        case .commuteTooFar: .commuteTooFar
        case .locationUnknown: .locationUnknown
        case .scheduleConflict: .scheduleConflict
        case .missingCertifications: .missingCertification
        case .backgroundCheckRequired: .backgroundCheckRequired
        case .drugScreenRequired: .drugScreenRequired
        case .driversLicenseRequired: .driversLicenseRequired
        case .usCitizenshipRequired: .usCitizenshipRequired
        case .belowMinimumGrade: .belowMinimumGrade
        case .programOfStudyRequired: .programOfStudyRequired
        case .courtRestriction: .courtRestriction
        case .slotInactive: .slotInactive
        case .slotInvalid: .slotInvalid
        }
    }

    /// The code `access` may see (`not_available` for a court restriction unless entitled).
    public func visibleCode(to access: JuvenileDataAccess) -> String { code.visibleCode(to: access) }

    /// The sentence a counselor reads, e.g. "Maria turns 18 on June 20, 2027; this slot starts
    /// June 2, 2026 and involves forklifts and other power-driven hoists (HO7), which is closed to
    /// anyone under 18." A court restriction reads "Not available for this student." unless
    /// `access` is `.entitled`.
    ///
    /// - Parameter name: how to call the student (her first name).
    public func sentence(name: String, access: JuvenileDataAccess) -> String {
        switch self {
        case .underMinimumAge(let a):
            return "\(a.lead(name)) and requires age \(a.requiredAge)."
        case .hoursLimit(let v, let a):
            return "\(name) is under \(a.requiredAge) until \(a.reachesOn.readable), and \(v.sentence) (limits for 14- and 15-year-olds)."
        case .restrictedWork(let work, let a):
            return "\(a.lead(name)) and involves \(EligibilityFailure.list(work.map(\.title))), which is closed to anyone under \(a.requiredAge)."
        case .hazardousOrder(let orders, let a, let gaps):
            let what = orders.members.map { "\($0.title) (HO\($0.rawValue))" }
            var s = "\(a.lead(name)) and involves \(EligibilityFailure.list(what)), which \(orders.members.count == 1 ? "is" : "are") closed to anyone under \(a.requiredAge)."
            if !gaps.isEmpty {
                s += " The student-learner exemption does not apply: " + gaps.map { $0.sentence(name) }.joined(separator: "; ") + "."
            }
            return s
        case .agriculturalHazardous(let a, let exemption):
            return "\(a.lead(name)) and involves hazardous farm work, which needs age \(a.requiredAge)"
                + (exemption ? "; the vocational-agriculture exemption on file applies from a younger age that \(name) has not reached yet."
                             : " unless the vocational-agriculture exemption is on file, and it is not.")
        case .missingGuardianConsent(let a):
            return "\(name) is under \(a.requiredAge) and no written guardian consent is on file."
        case .missingWorkPermit(let a):
            return "\(name) is under \(a.requiredAge) on \(a.slotStart.readable) and no work permit is on file."
        case .noTransport(let t, let km, let walk):
            let has = switch t {
            case .ownCar: "\(name) has no driver's license for her own car"
            case .schoolBus: "\(name) rides the school bus, which does not serve this site"
            default: "\(name) has no transport"
            }
            return "\(has); the site is \(EligibilityFailure.km(km)) away, beyond walking distance (\(EligibilityFailure.km(walk))), and not on a school bus route."
        case .commuteTooFar(let km, let max, let from):
            return "The site is \(EligibilityFailure.km(km)) from \(name)'s \(from == .home ? "home" : "school"); the maximum commute is \(EligibilityFailure.km(max))."
        case .locationUnknown(let missing):
            return missing == .site
                ? "The slot's site has no location, so the commute cannot be checked; the EDC must add the site's address."
                : "Neither \(name)'s home nor her school has a location, so the commute cannot be checked."
        case .scheduleConflict(let season, let schedule, let availability):
            let when = season == .schoolYear ? "school-year" : "summer"
            let avail = availability.isEmpty ? "none recorded" : availability.text
            return "The slot's schedule (\(schedule.text)) is not inside \(name)'s \(when) availability (\(avail))."
        case .missingCertifications(let certs):
            return "The slot requires \(EligibilityFailure.list(certs.members.map(\.title))), which \(name) does not hold."
        case .backgroundCheckRequired:
            return "The slot requires a background check and \(name) has no cleared one on file."
        case .drugScreenRequired:
            return "The slot requires a drug screen and \(name) has no passed one on file."
        case .driversLicenseRequired:
            return "The slot requires a driver's license and \(name) has none on file."
        case .usCitizenshipRequired:
            return "The slot requires US citizenship, which is not on file for \(name)."
        case .belowMinimumGrade(let required, let grade):
            return "The slot requires grade \(required) or above; \(name) is in grade \(grade)."
        case .programOfStudyRequired(let required, let student):
            return "The slot admits only \(required?.title ?? "its program's") students; \(name)'s program of study is \(student?.title ?? "not recorded")."
        case .courtRestriction(let fact):
            guard access == .entitled else { return EligibilityFailure.notAvailableSentence }
            switch fact {
            case .excludedEmployer(let id):
                return "A court order in \(name)'s referral excludes this employer (employer \(id))."
            case .excludedCounty(let county):
                return "A court order in \(name)'s referral excludes \(county) County, where this slot's site is."
            case .curfew(let curfew, let ends):
                let end = ends > 1440 ? "\(TimeOfDay(minutes: ends - 1440)!.readable) the next day" : TimeOfDay(minutes: min(ends, 1440))!.readable
                return "\(name)'s court-ordered curfew is \(curfew.readable); this slot ends as late as \(end)."
            }
        case .slotInactive:
            return "The slot is no longer active."
        case .slotInvalid:
            return FailureCode.slotInvalid.summary(access: access)
        }
    }

    static func km(_ value: Double) -> String {
        let r = (value * 10).rounded() / 10
        return (r == r.rounded() ? String(Int(r)) : String(r)) + " km"
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// Sentences for a list of failures as `access` may read them: court restrictions collapse into
    /// one "Not available for this student." for viewers not entitled to juvenile data.
    public static func sentences(_ failures: [EligibilityFailure], name: String, access: JuvenileDataAccess) -> [String] {
        var out: [String] = []
        for f in failures {
            let s = f.sentence(name: name, access: access)
            if !(f.code == .courtRestriction && out.contains(s)) { out.append(s) }
        }
        return out
    }
}

extension ExemptionGap {
    func sentence(_ name: String) -> String {
        switch self {
        case .ordersNotExempt(let orders):
            let never = orders.intersection(HazardousWorkPolicy.neverExempt)
            let other = orders.subtracting(HazardousWorkPolicy.neverExempt)
            var parts: [String] = []
            if !never.isEmpty { parts.append("\(never.text) \(never.members.count == 1 ? "is" : "are") never exempt") }
            if !other.isEmpty { parts.append("\(other.text) \(other.members.count == 1 ? "is" : "are") not exempt under the policy") }
            return parts.joined(separator: ", ")
        case .tooYoung(let a):
            return "it starts at age \(a.requiredAge) and \(name) turns \(a.requiredAge) on \(a.reachesOn.readable)"
        case .programMismatch(let slot, let student):
            return "\(name)'s program of study (\(student?.title ?? "none recorded")) is not the slot's (\(slot?.title ?? "none"))"
        case .noAgreement:
            return "no signed student-learner agreement is on file"
        }
    }
}
