/// Why a placement could not move to a new stage.
public enum PlacementTransitionError: Error, Equatable, CustomStringConvertible {
    /// No placement with this id.
    case notFound(Int64)
    /// The placement is in `status`, from which `action` is not allowed.
    case notAllowed(action: String, status: String)
    /// A withdrawal needs a reason.
    case reasonMissing
    /// Hours must be between 1 minute and 24 hours a day.
    case badMinutes(Int)

    public var description: String {
        switch self {
        case .notFound(let id): "placement \(id) does not exist"
        case .notAllowed(let action, let status): "a placement that is \(status) cannot be \(action)"
        case .reasonMissing: "say why the placement was withdrawn (the reason field is empty)"
        case .badMinutes(let m): "\(m) minutes is not a day's work: enter between 1 and 1440 minutes"
        }
    }
}
