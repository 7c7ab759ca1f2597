import Foundation
import Store

/// The reasons a counselor sees beside a slot in the choice picker ("Needs guardian consent").
///
/// These are the checks that need only the student's and slot's own facts, with the policy's
/// defaults from DOMAIN.md. The match run applies the full rules of `Placement` (schedules, hours,
/// distance, court restrictions); this list helps choose, it does not decide.
enum EligibilityAdvice {
    static func problems(student: StudentRecord, slot: SlotListing, today: Date = Date()) -> [String] {
        var out: [String] = []
        let facts = student.facts
        let age = ageOn(student.birthDate, slot.startDate)
        if let age {
            let minimum = slot.minimumAge ?? (slot.kind == "job_shadow" ? 0 : 14)
            if age < minimum { out.append("Must be at least \(minimum) when it starts (will be \(age)).") }
            if age < 16 && (slot.kind != "job_shadow") && !facts.workPermit { out.append("Needs a work permit on file (under 16).") }
            if age < 18 && facts.guardianConsentOn == nil { out.append("Needs a guardian's written consent on file.") }
            if age < 18 {
                let blocked = slot.hazardousOrders.filter { ho in
                    let exemptable = [5, 8, 10, 12, 14, 16, 17].contains(ho)
                    let exempt = exemptable && age >= 16 && facts.studentLearnerAgreement && facts.programOfStudy == slot.programOfStudy
                    return !exempt
                }
                if !blocked.isEmpty {
                    out.append("Hazardous work (HO \(blocked.map(String.init).joined(separator: ", "))) is not allowed under 18 without a student-learner exemption.")
                }
            }
        }
        if slot.programRequired && facts.programOfStudy != slot.programOfStudy {
            out.append("Only for students of \(Vocabulary.label(slot.programOfStudy, in: Vocabulary.programs)).")
        }
        if let grade = slot.minimumGrade, facts.grade < grade { out.append("Needs grade \(grade) or above.") }
        if !slot.virtual && facts.transport == "none" { out.append("No transport recorded, and the slot is on site.") }
        if slot.driversLicense && !facts.driversLicense { out.append("Needs a driver's license.") }
        let missing = slot.certifications.filter { !facts.certifications.contains($0) }
        if !missing.isEmpty {
            out.append("Needs certification: \(missing.map { Vocabulary.label($0, in: Vocabulary.certifications) }.joined(separator: ", ")).")
        }
        return out
    }

    /// Whole years between two `YYYY-MM-DD` dates (a Feb 29 birthday counts on Mar 1 in common years).
    static func ageOn(_ birth: String, _ day: String) -> Int? {
        func parts(_ s: String) -> (Int, Int, Int)? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? (p[0], p[1], p[2]) : nil
        }
        guard let b = parts(birth), let d = parts(day) else { return nil }
        var age = d.0 - b.0
        if (d.1, d.2) < (b.1, b.2) { age -= 1 }
        return age
    }
}
