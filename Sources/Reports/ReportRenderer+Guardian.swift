extension ReportRenderer {
    /// The placement or second-round notice of `letter`, from `guardian_{placed,second_round}_{en,es}.text.mustache`
    /// (one template per language, not translated at run time).
    public func guardianNotice(_ letter: GuardianLetter) -> GuardianNoticeEmail {
        let es = letter.lang == "es"
        let greeting = letter.guardianName.isEmpty ? (es ? "familia" : "parent or guardian") : letter.guardianName
        let model: [String: Any] = [
            "guardianName": greeting, "studentFirstName": letter.studentFirstName, "slotTitle": letter.slotTitle,
            "employer": letter.employer, "site": letter.site, "address": letter.address, "virtual": letter.virtual,
            "schedule": letter.schedule, "startDate": letter.startDate, "contactName": letter.contactName,
            "contactEmail": letter.contactEmail,
        ]
        let name = letter.studentFirstName
        let subject = switch (letter.kind, es) {
        case (.placed, true): "\(name) tiene una práctica laboral"
        case (.placed, false): "\(name) has a work-based-learning placement"
        case (.secondRound, true): "Segunda ronda de prácticas laborales para \(name)"
        case (.secondRound, false): "Second round of work-based learning for \(name)"
        }
        return GuardianNoticeEmail(toAddress: letter.guardianEmail, toName: letter.guardianName.isEmpty ? nil : letter.guardianName,
                                   subject: subject, text: templates.renderText("guardian_\(letter.kind.rawValue)_\(letter.lang)", model))
    }
}
