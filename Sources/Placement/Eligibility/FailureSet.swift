/// The codes of the rules a pair failed, as a bit set: what the fast check returns.
public struct FailureSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The set of one code.
    public init(_ code: FailureCode) { rawValue = code.bit }

    /// Whether `code` failed.
    public func contains(_ code: FailureCode) -> Bool { rawValue & code.bit != 0 }

    /// The failed codes, in declaration order.
    public var codes: [FailureCode] { FailureCode.allCases.filter { contains($0) } }
}

/// The verdict on one (student, slot) pair.
public struct PairEligibility: Hashable, Sendable {
    /// The rules that failed; empty when eligible.
    public var failures: FailureSet
    /// Eligible, but a court order requires the case worker's approval: an assignment to this slot
    /// is `pending_approval`, not final. Confidential: shown only to viewers entitled to juvenile data.
    public var pendingApproval: Bool

    public init(failures: FailureSet, pendingApproval: Bool) {
        self.failures = failures
        self.pendingApproval = pendingApproval
    }

    /// Whether the pair may take part in the match.
    public var isEligible: Bool { failures.rawValue == 0 }
}
