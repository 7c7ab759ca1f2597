/// The language a guardian reads messages in.
public enum GuardianLanguage: String, Codable, Sendable, CaseIterable {
    case en
    case es
}
