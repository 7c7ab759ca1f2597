/// A time of day in whole minutes after midnight, 00:00...24:00. Encoded as `"HH:MM"`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, 0...1440.
    public let minutes: Int

    /// The time `minutes` after midnight; `nil` outside 0...1440.
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// `hour`:`minute`; `nil` when not a time of day.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour) && (0...59).contains(minute) || hour == 24 && minute == 0 else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (or `H:MM`); `nil` when the text is not a time.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

    /// `HH:MM`.
    public var description: String { clockText(minutes) }

    /// `7:00 p.m.`, as a counselor reads it.
    public var readable: String {
        let h = minutes / 60 % 24, m = minutes % 60
        let suffix = h < 12 ? "a.m." : "p.m."
        let h12 = h % 12 == 0 ? 12 : h % 12
        if minutes == 1440 || minutes == 0 { return "midnight" }
        if minutes == 720 { return "noon" }
        return "\(h12):\(pad(m, 2)) \(suffix)"
    }
}

extension TimeOfDay: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = TimeOfDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a time; write HH:MM in 24-hour time, e.g. 19:00"))
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
