/// What a guardian's link leads to.
public enum ConsentLink: Sendable, Equatable {
    /// A live request: the page to show.
    case open(ConsentPage)
    /// The link was already used to answer.
    case used(language: String)
    /// The link is past its expiry.
    case expired(language: String)
    /// No request has this token.
    case unknown
}
