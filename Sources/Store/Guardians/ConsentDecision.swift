/// A guardian's answer to a consent request.
public enum ConsentDecision: String, Sendable, CaseIterable {
    case consented
    case declined
}

/// What happened to an answer.
public enum ConsentAnswerResult: Sendable, Equatable {
    /// Recorded, on this date (ISO).
    case recorded(ConsentDecision, signedOn: String)
    /// The link was spent before (also when two answers race: only one wins).
    case alreadyUsed
    case expired
    case unknown
    /// The guardian typed no name: nothing recorded.
    case nameMissing
}
