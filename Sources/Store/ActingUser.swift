import Database

/// The signed-in person an import (or a form, or an API call) acts for; scope rules read it.
public struct ActingUser: Sendable, Hashable {
    /// users.id
    public var id: Int
    /// Sign-in address.
    public var email: String
    /// Role code (`coordinator`, `edc_staff`, `counselor`, `case_worker`, `employer`).
    public var role: String
    /// The user's organization (users.organization_id).
    public var organizationID: Int
    /// Its code (`clovis-hs`).
    public var organizationCode: String
    /// Its kind (`school`, `edc`, …).
    public var organizationKind: String
    /// May see juvenile-services data.
    public var canViewJuvenile: Bool

    /// Makes a value (tests; `UserRepository.actingUser(email:)` loads one).
    public init(id: Int, email: String, role: String, organizationID: Int, organizationCode: String,
                organizationKind: String, canViewJuvenile: Bool) {
        self.id = id
        self.email = email
        self.role = role
        self.organizationID = organizationID
        self.organizationCode = organizationCode
        self.organizationKind = organizationKind
        self.canViewJuvenile = canViewJuvenile
    }
}
