import Foundation
import Parallel

/// Turns a run's report into the emails each user is entitled to and asked for.
///
/// ```swift
/// let renderer = ReportRenderer(templates: try await .bundled(), timeZone: config.timeZone)
/// let emails = renderer.emails(for: report, to: subscriptions)
/// ```
public struct ReportRenderer: Sendable {
    /// A user and the reports she asked for (see `ReportKind.defaults(for:)`).
    public struct Subscription: Sendable, Equatable {
        public var recipient: ReportRecipient
        public var kinds: Set<ReportKind>
        public init(recipient: ReportRecipient, kinds: Set<ReportKind>? = nil) {
            self.recipient = recipient
            self.kinds = kinds ?? ReportKind.defaults(for: recipient.role)
        }
    }

    let templates: ReportTemplates
    let timeZone: TimeZone

    public init(templates: ReportTemplates, timeZone: TimeZone = TimeZone(identifier: "America/Denver")!) {
        self.templates = templates
        self.timeZone = timeZone
    }

    /// Every email of a run. A report may only go to the role it is written for; a run whose verifier
    /// failed yields only failure notices to coordinators.
    public func emails(for report: RunReport, to subscriptions: [Subscription]) -> [ReportEmail] {
        if case .failed(let problems) = report.run.verifier {
            let failure = RunFailure(runID: report.run.id, roundName: report.run.roundName, kind: report.run.kind,
                                     startedAt: report.run.startedAt, error: "the verifier rejected the matching",
                                     problems: problems)
            return subscriptions.filter { $0.recipient.role == .coordinator }.map { runFailed(failure, to: $0.recipient) }
        }
        guard !subscriptions.isEmpty else { return [] }
        let index = ReportIndex(report)
        var planned: [(recipient: ReportRecipient, kind: ReportKind)] = []
        for subscription in subscriptions {
            for kind in ReportKind.allCases where subscription.kinds.contains(kind) && kind.role == subscription.recipient.role {
                planned.append((subscription.recipient, kind))
            }
        }
        // The coordinators' email has one body per entitlement and one CSV for all, rendered once each,
        // beside every other email: one parallel pass over all the work.
        let coordinators = planned.filter { $0.kind == .coordinatorNightly }
        let entitlements = Array(Set(coordinators.map(\.recipient.juvenileEntitled))).sorted { !$0 && $1 }
        var work: [Work] = entitlements.map { .coordinatorBody(entitled: $0) } + (coordinators.isEmpty ? [] : [.assignmentsCSV])
        work += planned.indices.filter { planned[$0].kind != .coordinatorNightly }.map { .digest($0) }
        let finalPlanned = planned
        let finalWork = work
        let parts = inParallel(count: work.count) { i -> Part in
            switch finalWork[i] {
            case .assignmentsCSV: return .csv(assignmentsAttachment(index))
            case .coordinatorBody(let entitled):
                let model = CoordinatorNightly.model(index, juvenileEntitled: entitled, timeZone: timeZone)
                let rendered = templates.render("coordinator_nightly", model)
                return .body(entitled: entitled, subject: CoordinatorNightly.subject(report), text: rendered.text, html: rendered.html)
            case .digest(let position):
                return .digest(position, digest(finalPlanned[position].kind, index: index, to: finalPlanned[position].recipient))
            }
        }
        var bodies: [Bool: (subject: String, text: String, html: String)] = [:]
        var csv: ReportEmail.Attachment?
        var digests: [Int: ReportEmail] = [:]
        for part in parts {
            switch part {
            case .csv(let attachment): csv = attachment
            case .body(let entitled, let subject, let text, let html): bodies[entitled] = (subject, text, html)
            case .digest(let position, let email): digests[position] = email
            }
        }
        return planned.indices.compactMap { position in
            let (recipient, kind) = planned[position]
            guard kind == .coordinatorNightly else { return digests[position] }
            let body = bodies[recipient.juvenileEntitled]!
            return ReportEmail(template: kind.rawValue, toName: recipient.name, toAddress: recipient.email,
                               userID: recipient.userID, subject: body.subject, text: body.text,
                               html: body.html, attachments: csv.map { [$0] } ?? [])
        }
    }

    /// A digest for one recipient, or nil when she has nothing in this run.
    private func digest(_ kind: ReportKind, index: ReportIndex, to recipient: ReportRecipient) -> ReportEmail? {
        let report = index.report
        switch kind {
        case .coordinatorNightly:
            return nil
        case .counselorDigest:
            guard let model = CounselorDigest.model(index, schoolID: recipient.organizationID) else { return nil }
            return email(kind, model, report, recipient,
                         subject: "WBLMatch: \(model["school"]!) students in run #\(report.run.id)\(previewNote(report))")
        case .edcDigest:
            let slots = EDCDigest.slots(index, edcID: recipient.organizationID)
            guard let model = EDCDigest.model(index, slots: slots) else { return nil }
            var mail = email(kind, model, report, recipient,
                             subject: "WBLMatch: placements with \(model["edc"]!) employers, run #\(report.run.id)\(previewNote(report))")
            mail.attachments = [CSVAttachment.make(name: "run-\(report.run.id)-placements-\(recipient.organizationID)",
                                                   csv: EDCDigest.csv(index, slots: slots), rows: EDCDigest.csvRows(index, slots: slots),
                                                   run: report.run, timeZone: timeZone)]
            return mail
        case .caseWorkerDigest:
            guard let model = CaseWorkerDigest.model(index, caseWorkerUserID: recipient.userID) else { return nil }
            return email(kind, model, report, recipient,
                         subject: "WBLMatch: outcomes of your referrals, run #\(report.run.id)\(previewNote(report))")
        }
    }

    /// What one parallel step renders, and what it yields.
    private enum Work: Sendable { case assignmentsCSV, coordinatorBody(entitled: Bool), digest(Int) }
    private enum Part: Sendable {
        case csv(ReportEmail.Attachment)
        case body(entitled: Bool, subject: String, text: String, html: String)
        case digest(Int, ReportEmail?)
    }

    /// The failure notice for a coordinator.
    public func runFailed(_ failure: RunFailure, to recipient: ReportRecipient) -> ReportEmail {
        let model: [String: Any] = [
            "runID": failure.runID.map { String($0) } ?? "(not written)", "roundName": failure.roundName,
            "kind": failure.kind.label, "startedAt": CoordinatorNightly.format(failure.startedAt, timeZone),
            "error": failure.error, "problems": failure.problems, "hasProblems": !failure.problems.isEmpty,
            "jobID": failure.jobID.map { String($0) } ?? "", "hasJob": failure.jobID != nil,
        ]
        let rendered = templates.render("run_failed", model)
        return ReportEmail(template: "run_failed", toName: recipient.name, toAddress: recipient.email, userID: recipient.userID,
                             subject: "WBLMatch: match run FAILED (\(failure.kind.label), \(failure.roundName))",
                             text: rendered.text, html: rendered.html)
    }

    private func email(_ kind: ReportKind, _ model: [String: Any], _ report: RunReport, _ recipient: ReportRecipient,
                       subject: String) -> ReportEmail {
        var model = model
        model["run"] = CoordinatorNightly.runModel(report.run, webURL: report.webURL, timeZone: timeZone)
        model["recipient"] = recipient.name
        model["preview"] = report.run.kind == .preview || report.run.kind == .manual
        let rendered = templates.render(kind.rawValue, model)
        return ReportEmail(template: kind.rawValue, toName: recipient.name, toAddress: recipient.email,
                             userID: recipient.userID, subject: subject, text: rendered.text, html: rendered.html)
    }

    private func previewNote(_ report: RunReport) -> String {
        report.run.kind == .preview || report.run.kind == .manual ? " (preview, not final)" : ""
    }

    private func assignmentsAttachment(_ index: ReportIndex) -> ReportEmail.Attachment {
        CSVAttachment.make(name: "run-\(index.report.run.id)-assignments", csv: AssignmentsCSV.bytes(index),
                           rows: AssignmentsCSV.rows(index), run: index.report.run, timeZone: timeZone)
    }
}

