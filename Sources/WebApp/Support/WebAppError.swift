/// A fault in the web app's own setup (a missing template or resource), never shown to users.
public struct WebAppError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "web app: \(message)" }
    public init(message: String) { self.message = message }
}
