import MatchingEngine
import Placement
import Reports

/// Turns the engine's results into stored rows and the reports' view of each student, with every
/// sentence in two wordings: in full for readers entitled to juvenile data, masked for everyone else.
struct OutcomeBuilder {
    let inputs: RunInputs
    private(set) var assignments: [AssignmentRow] = []
    private(set) var explanations: [ExplanationRecord] = []
    private(set) var outcomes: [StudentOutcome] = []
    /// The sentences of each combination of failed rules met so far: a run has ~10^6 ineligible
    /// pairs but only a few hundred combinations, and building the sentences was a tenth of the run.
    private var ineligibleWordings: [[String]: IneligibleWording] = [:]

    /// A builder for about `capacity` students.
    init(inputs: RunInputs, capacity: Int) {
        self.inputs = inputs
        assignments.reserveCapacity(capacity)
        outcomes.reserveCapacity(capacity)
    }

    /// Adds what `other` built, after what this one has.
    mutating func append(_ other: OutcomeBuilder) {
        assignments += other.assignments
        explanations += other.explanations
        outcomes += other.outcomes
    }

    mutating func add(student: Student, context: StudentContext, slot: Slot?, choiceRank: Int?, reservedSeat: Bool,
                      pendingApproval: Bool, explanations lines: [ChoiceExplanation], choiceCount: Int) {
        let status = slot == nil ? nil : (pendingApproval ? "pending_approval" : "matched")
        assignments.append(AssignmentRow(studentID: student.id, slotID: slot?.id, choiceRank: choiceRank,
                                         reservedSeat: reservedSeat, status: status))
        var lines_: [ExplanationLine] = []
        var actions: [ActionNeeded] = []
        var reasons: [Reason] = []
        let name = student.firstName
        for line in lines {
            let choiceSlot = inputs.slots[line.position]
            var record = ExplanationRecord(studentID: student.id, slotID: choiceSlot.id, choiceRank: line.choice + 1,
                                           outcome: "outranked", reasonCodes: [], detail: "{}", message: "", publicMessage: "",
                                           confidential: false)
            let reason: Reason
            switch line.reason {
            case .infeasible(let codes):
                // Sentences per failed rule (the rule's general wording): building the facts-based sentence
                // for each of a run's ~10^6 ineligible pairs costs too much; `failures(of:)` is called only
                // where a fact is needed (which certifications are missing).
                let wording = ineligibleWording(codes)
                let failed = wording.failed
                record.outcome = "ineligible"
                record.reasonCodes = codes
                record.message = wording.full
                record.publicMessage = wording.confidential ? wording.masked : ""
                record.confidential = wording.confidential
                reason = wording.reason
                // The actions that would open this slot, from the facts in hand (no second eligibility check).
                for code in failed {
                    switch code {
                    case .missingGuardianConsent: actions.append(.guardianConsent)
                    case .missingWorkPermit: actions.append(.workPermit)
                    case .missingCertification:
                        let missing = choiceSlot.requirements.certifications.subtracting(student.certifications)
                        if let action = Self.action(for: .missingCertifications(missing)) { actions.append(action) }
                    default: break
                    }
                }
            case .notRanked:
                record.outcome = "ranked_out"
                record.message = "The employer's ranking for this slot does not include \(name)."
                reason = Reason(code: "not_ranked", text: record.message)
            case .noCapacity:
                record.reasonCodes = ["no_capacity"]
                record.message = "This slot has no seats open in this round."
                reason = Reason(code: "no_capacity", text: record.message)
            case .outranked(let own, let cutoff):
                if let cutoff {
                    record.detail = "{\"tier\":\(own.tier),\"lottery\":\(own.lottery),\"cutoff_tier\":\(cutoff.tier),\"cutoff_lottery\":\(cutoff.lottery)}"
                    record.message = "Its seats went to applicants ranked above \(name): \(name) had tier \(own.tier), lottery number \(own.lottery); the last admitted had tier \(cutoff.tier), lottery number \(cutoff.lottery)."
                } else {
                    record.detail = "{\"tier\":\(own.tier),\"lottery\":\(own.lottery)}"
                    record.message = "Its seats went to applicants ranked above \(name) (tier \(own.tier), lottery number \(own.lottery))."
                }
                reason = Reason(code: "outranked", text: record.message)
            }
            explanations.append(record)
            reasons.append(reason)
            lines_.append(ExplanationLine(choiceRank: line.choice + 1, slotTitle: choiceSlot.title,
                                          employerName: inputs.employers[choiceSlot.employerID]?.name ?? "employer #\(choiceSlot.employerID)",
                                          reason: reason))
        }
        let main = slot == nil ? Self.mainReason(reasons) : nil
        outcomes.append(outcome(student, assignment: slot.map {
            StudentOutcome.Assignment(slotID: $0.id, choiceRank: choiceRank ?? 0, onReservedSeat: reservedSeat, pendingApproval: pendingApproval)
        }, explanation: lines_, mainReason: main, actions: actions, choiceCount: choiceCount))
    }

    /// The sentences and reason of an ineligible pair whose failed rules are `codes`.
    private mutating func ineligibleWording(_ codes: [String]) -> IneligibleWording {
        if let known = ineligibleWordings[codes] { return known }
        let failed = codes.compactMap(FailureCode.init(rawValue:))
        let full = failed.map { $0.summary(access: .entitled) }.joined(separator: " ")
        let masked = failed.map { $0.summary(access: .notEntitled) }.uniqued().joined(separator: " ")
        let confidential = failed.contains(.courtRestriction)
        let firstCode = codes.first ?? "ineligible"
        let publicCode = codes.first(where: { $0 != FailureCode.courtRestriction.rawValue }) ?? FailureCode.maskedCode
        let reason = confidential
            ? Reason(code: publicCode, text: masked, restricted: .init(code: firstCode, text: full))
            : Reason(code: firstCode, text: full)
        let wording = IneligibleWording(failed: failed, full: full, masked: masked, confidential: confidential, reason: reason)
        ineligibleWordings[codes] = wording
        return wording
    }

    mutating func addKept(student: Student, kept: RunInputs.KeptPlacement) {
        assignments.append(AssignmentRow(studentID: student.id, slotID: kept.slotID, choiceRank: kept.choiceRank,
                                         reservedSeat: kept.reservedSeat, status: "matched", kept: true))
        outcomes.append(outcome(student, assignment: .init(slotID: kept.slotID, choiceRank: kept.choiceRank, onReservedSeat: kept.reservedSeat),
                                explanation: [], mainReason: nil, actions: [], choiceCount: inputs.choices[student.id]?.count ?? 0))
    }

    func slotOutcomes() -> [SlotOutcome] {
        inputs.slots.map { slot in
            let employer = inputs.employers[slot.employerID]
            let edcID = employer?.edcID ?? 0
            return SlotOutcome(id: slot.id, externalID: slot.externalID, title: slot.title, kind: slot.kind.rawValue,
                               programOfStudy: slot.programOfStudy?.rawValue ?? "", employerID: slot.employerID,
                               employerName: employer?.name ?? "employer #\(slot.employerID)", edcID: edcID,
                               edcName: inputs.organizations[edcID]?.name ?? "EDC #\(edcID)", capacity: slot.capacity,
                               reservedSeats: slot.reservedSeats)
        }
    }

    private func outcome(_ student: Student, assignment: StudentOutcome.Assignment?, explanation: [ExplanationLine],
                         mainReason: Reason?, actions: [ActionNeeded], choiceCount: Int) -> StudentOutcome {
        let referral = inputs.referrals[student.id].map { r in
            ReferralInfo(referralID: r.id, caseWorkerUserID: r.referredBy, caseWorkerName: inputs.userNames[r.referredBy] ?? "user #\(r.referredBy)",
                         restrictions: Self.restrictionLines(r.restrictions, employers: inputs.employers),
                         approvalRequired: r.restrictions.caseworkerApprovalRequired)
        }
        return StudentOutcome(id: student.id, externalID: student.externalID, firstName: student.firstName, lastName: student.lastName,
                              schoolID: student.schoolID, schoolName: inputs.organizations[student.schoolID]?.name ?? "school #\(student.schoolID)",
                              grade: student.grade, programOfStudy: student.programOfStudy?.rawValue ?? "", choiceCount: choiceCount,
                              assignment: assignment, explanation: explanation, mainReason: mainReason,
                              actionsNeeded: actions.uniqued(), referral: referral)
    }

    /// The reason that weighs most for an unmatched student: being outranked somewhere (she was
    /// eligible, seats ran out), else the rule that failed most often across her choices.
    static func mainReason(_ reasons: [Reason]) -> Reason? {
        if let outranked = reasons.first(where: { $0.code == "outranked" }) { return outranked }
        var counts: [String: Int] = [:]
        for r in reasons { counts[r.restricted?.code ?? r.code, default: 0] += 1 }
        return reasons.max { a, b in
            (counts[a.restricted?.code ?? a.code] ?? 0) < (counts[b.restricted?.code ?? b.code] ?? 0)
        }.flatMap { best in reasons.first { ($0.restricted?.code ?? $0.code) == (best.restricted?.code ?? best.code) } }
    }

    static func action(for failure: EligibilityFailure) -> ActionNeeded? {
        switch failure {
        case .missingGuardianConsent: .guardianConsent
        case .missingWorkPermit: .workPermit
        case .missingCertifications(let set): .certification(Certification.allCases.filter { set.contains($0) }.map(\.title).joined(separator: ", "))
        default: nil
        }
    }

    static func restrictionLines(_ r: CourtRestrictions, employers: [Int64: Employer]) -> [String] {
        var lines: [String] = []
        if let curfew = r.curfew { lines.append("Curfew \(curfew)") }
        for county in r.excludedCounties { lines.append("Excluded county: \(county)") }
        for id in r.excludedEmployerIDs { lines.append("Excluded employer: \(employers[id]?.name ?? "#\(id)")") }
        if r.caseworkerApprovalRequired { lines.append("Case-worker approval required") }
        return lines
    }
}

/// What an ineligible pair says, by its failed rules: in full, masked, and as the student's reason.
private struct IneligibleWording {
    var failed: [FailureCode]
    var full: String
    var masked: String
    var confidential: Bool
    var reason: Reason
}
