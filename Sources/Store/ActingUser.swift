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

    /// The acting user of a bootstrap import (organizations and users into a database that has no
    /// user yet): a coordinator with no row of its own. `UserRepository.bootstrapUser()` hands it out
    /// only while the users table is empty.
    static let bootstrap = ActingUser(id: 0, email: "bootstrap", role: "coordinator", organizationID: 0,
                                      organizationCode: "", organizationKind: "consortium", canViewJuvenile: false)

    /// Whether this is the bootstrap user.
    public var isBootstrap: Bool { id == 0 }
}
