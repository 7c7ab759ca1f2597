import Store

extension SignedInUser {
    /// The placements this user reaches: a counselor's school's students', an EDC's slots',
    /// everything for coordinators; nothing for other roles.
    var placementScope: RowScope {
        switch role {
        case .coordinator: .everything
        case .counselor: organizationID.map(RowScope.school) ?? .nothing
        case .edcStaff: organizationID.map(RowScope.edc) ?? .nothing
        default: .nothing
        }
    }

    /// Whether the user may see juvenile-services facts (a placement awaiting a case worker's approval).
    var juvenileEntitled: Bool { role == .coordinator && canViewJuvenile }
}
