import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeated keys kept.
public struct FormFields: Sendable {
    /// Every (name, value) pair, percent-decoded, `+` read as a space.
    public var pairs: [(name: String, value: String)]

    /// Parses `body`; a pair that is not valid percent-encoding is dropped.
    public init(_ body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).compactMap { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(kv[0]) else { return nil }
            let value = kv.count > 1 ? decode(kv[1]) : ""
            guard let value else { return nil }
            return (name, value)
        }
    }

    /// The first value named `name`.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value named `name`, in order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }
}
