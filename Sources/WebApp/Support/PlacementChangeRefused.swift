/// Why a placement change was refused; each case carries a sentence for the user.
enum PlacementChangeRefused: Error, Equatable {
    /// Bad input in `field`.
    case invalid(field: String, String)
    /// The placement's stage does not allow it.
    case notAllowed(String)
    /// The role may not make this change.
    case forbidden(String)
    /// No such placement (or out of scope).
    case notFound

    var message: String {
        switch self {
        case .invalid(let field, let m): "\(field): \(m)"
        case .notAllowed(let m), .forbidden(let m): m
        case .notFound: "No placement with this id in your scope."
        }
    }
}
