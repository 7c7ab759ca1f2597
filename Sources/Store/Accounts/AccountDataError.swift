/// A row of `users` that the code cannot read (a role code it does not know).
public struct AccountDataError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
