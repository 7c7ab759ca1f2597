import Store

extension SignedInUser {
    /// The students this user may see: a counselor's school; everything for coordinators.
    var studentScope: RowScope {
        switch role {
        case .coordinator: .everything
        case .counselor: organizationID.map(RowScope.school) ?? .nothing
        default: .nothing
        }
    }

    /// The employers and slots this user may change: an EDC's own; everything for coordinators.
    var slotScope: RowScope {
        switch role {
        case .coordinator: .everything
        case .edcStaff: organizationID.map(RowScope.edc) ?? .nothing
        default: .nothing
        }
    }

    /// The slots whose applicants this user may rank: an employer's own (through
    /// `employers.organization_id`), an EDC's, or every slot for coordinators.
    var rankingScope: RowScope {
        switch role {
        case .coordinator: .everything
        case .edcStaff: organizationID.map(RowScope.edc) ?? .nothing
        case .employer: organizationID.map(RowScope.employer) ?? .nothing
        default: .nothing
        }
    }
}
