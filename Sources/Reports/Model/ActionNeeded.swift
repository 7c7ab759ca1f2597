/// Something a counselor can do so that a student becomes eligible for a choice.
public enum ActionNeeded: Sendable, Hashable {
    /// No guardian consent on file (required under 18).
    case guardianConsent
    /// No work permit on file (required under 16).
    case workPermit
    /// A certification a chosen slot requires, e.g. "OSHA-10".
    case certification(String)
    /// No signed student-learner agreement (hazardous-order exemption).
    case studentLearnerAgreement
    /// Any other fact to record, in words.
    case other(String)

    /// The sentence a counselor reads.
    public var sentence: String {
        switch self {
        case .guardianConsent: "Record the guardian's written consent."
        case .workPermit: "Record the work permit (required under 16)."
        case .certification(let name): "Record the \(name) certification, or help the student earn it."
        case .studentLearnerAgreement: "Record the signed student-learner agreement."
        case .other(let text): text
        }
    }

    /// The action without the student, for counts: "guardian consent to record".
    public var summary: String {
        switch self {
        case .guardianConsent: "guardian consent to record"
        case .workPermit: "work permit to record"
        case .certification(let name): "\(name) certification missing"
        case .studentLearnerAgreement: "student-learner agreement to record"
        case .other(let text): text
        }
    }
}
