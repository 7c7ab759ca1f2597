/// A soft check: shown to counselors and coordinators, never a block.
public enum EligibilityWarning: Hashable, Sendable {
    /// The student has fewer eligible choices than the policy's `warnings.minimum_eligible_choices`.
    case fewEligibleChoices(studentID: Int64, eligible: Int, minimum: Int)
    /// A choice (1-based rank) is outside the student's program of study.
    case choiceOutsideProgram(studentID: Int64, rank: Int, slotID: Int64, slotProgram: ProgramOfStudy?, studentProgram: ProgramOfStudy?)
    /// No student who chose the slot is eligible for it.
    case slotWithoutEligibleApplicant(slotID: Int64, applicants: Int)

    /// Stable code.
    public var code: String {
        switch self {
        case .fewEligibleChoices: "few_eligible_choices"
        case .choiceOutsideProgram: "choice_outside_program"
        case .slotWithoutEligibleApplicant: "slot_without_eligible_applicant"
        }
    }

    /// Every warning code.
    public static let codes = ["few_eligible_choices", "choice_outside_program", "slot_without_eligible_applicant"]

    /// The sentence a counselor reads; `name` is the student's first name or the slot's title.
    public func sentence(name: String) -> String {
        switch self {
        case .fewEligibleChoices(_, let n, let min):
            return "\(name) has \(n == 0 ? "no" : String(n)) eligible choice\(n == 1 ? "" : "s"); at least \(min) give a better chance of a placement."
        case .choiceOutsideProgram(_, let rank, _, let slotProgram, let studentProgram):
            return "\(name)'s choice \(rank) is in \(slotProgram?.title ?? "no program of study"), outside her program of study (\(studentProgram?.title ?? "none recorded"))."
        case .slotWithoutEligibleApplicant(_, let applicants):
            return "\(name): none of its \(applicants) applicant\(applicants == 1 ? "" : "s") is eligible."
        }
    }
}

extension EligibilityChecker {
    /// The student-level warnings for her choices (slot indices, in rank order) and their verdicts.
    public func warnings(for student: Student, choices: [Int], verdicts: [PairEligibility]) -> [EligibilityWarning] {
        var out: [EligibilityWarning] = []
        let eligible = verdicts.filter(\.isEligible).count
        let minimum = policy.warnings.minimumEligibleChoices
        if eligible < minimum {
            out.append(.fewEligibleChoices(studentID: student.id, eligible: eligible, minimum: minimum))
        }
        for (rank, index) in choices.enumerated() {
            let slot = slots[index]
            if let program = slot.programOfStudy, program != student.programOfStudy {
                out.append(.choiceOutsideProgram(studentID: student.id, rank: rank + 1, slotID: slot.id,
                                                 slotProgram: program, studentProgram: student.programOfStudy))
            }
        }
        return out
    }

    /// Slots that someone chose but no applicant is eligible for.
    ///
    /// - Parameter verdicts: every checked pair as (slot index, verdict).
    public func slotsWithoutEligibleApplicant(_ verdicts: some Sequence<(slot: Int, verdict: PairEligibility)>) -> [EligibilityWarning] {
        var applicants = [Int](repeating: 0, count: slots.count)
        var eligible = [Bool](repeating: false, count: slots.count)
        for (slot, verdict) in verdicts {
            applicants[slot] += 1
            if verdict.isEligible { eligible[slot] = true }
        }
        return slots.indices.compactMap { i in
            applicants[i] > 0 && !eligible[i] ? .slotWithoutEligibleApplicant(slotID: slots[i].id, applicants: applicants[i]) : nil
        }
    }
}
