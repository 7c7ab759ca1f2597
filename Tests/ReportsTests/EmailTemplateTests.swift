import Foundation
import Mustache
import Testing
@testable import Reports

/// Reports renders its templates with its own `EmailTemplate`; the Mustache library is the oracle:
/// every email of several runs, rendered by both, must be byte for byte the same.
@Suite struct EmailTemplateTests {
    /// The same templates, rendered by the Mustache library.
    static func oracle() async throws -> ReportTemplates {
        let directory = try #require(ReportTemplates.bundledDirectory)
        let library = try await MustacheLibrary(directory: directory, withExtension: "mustache")
        return ReportTemplates(rendering: { name, model in library.render(model, withTemplate: name) ?? "<missing \(name)>" })
    }

    static let everyone = [Fixtures.coordinator, Fixtures.juvenileCoordinator, Fixtures.clovisCounselor, Fixtures.portalesCounselor,
                           Fixtures.clovisEDCStaff, Fixtures.rooseveltEDCStaff, Fixtures.dana, Fixtures.lee, Fixtures.otherCaseWorker]

    @Test(arguments: ["fixture", "first run", "failed verifier", "large"])
    func everyEmailIsWhatTheMustacheLibraryRenders(_ which: String) async throws {
        let report = switch which {
        case "fixture": Fixtures.report()
        case "first run": Fixtures.report(previous: nil)
        case "failed verifier": Fixtures.report(verifier: .failed(["slot 100 over capacity: 3 > 2", "<b>&'\"</b>"]))
        default: Fixtures.largeReport(students: 1_500, seed: 7)
        }
        let recipients = Self.everyone.map { ReportRenderer.Subscription(recipient: $0) }
        let ours = try await Fixtures.renderer().emails(for: report, to: recipients)
        let theirs = ReportRenderer(templates: try await Self.oracle(), timeZone: TimeZone(identifier: "America/Denver")!)
            .emails(for: report, to: recipients)
        #expect(ours.count == theirs.count)
        #expect(ours.count >= (which == "failed verifier" ? 2 : 8))
        for (mine, library) in zip(ours, theirs) {
            #expect(mine.template == library.template && mine.toAddress == library.toAddress)
            #expect(!mine.text.isEmpty && !mine.html.isEmpty)
            #expect(mine.text == library.text, "\(mine.template) to \(mine.toAddress): text differs at \(Self.firstDifference(mine.text, library.text))")
            #expect(mine.html == library.html, "\(mine.template) to \(mine.toAddress): HTML differs at \(Self.firstDifference(mine.html, library.html))")
        }
    }

    @Test func guardianNoticesAreWhatTheMustacheLibraryRenders() async throws {
        let ours = try await Fixtures.renderer()
        let theirs = ReportRenderer(templates: try await Self.oracle())
        for kind in [GuardianLetter.Kind.placed, .secondRound] {
            for language in ["en", "es"] {
                for virtual in [false, true] {
                    var letter = GuardianLetter(kind: kind, language: language, guardianName: "María O'Neil <Peña>",
                                                guardianEmail: "maria@example.org", studentFirstName: "Ana & Jo")
                    letter.slotTitle = "Welding \"helper\""
                    letter.employer = "Clovis Steel"
                    letter.virtual = virtual
                    letter.startDate = "2027-02-01"
                    let mine = ours.guardianNotice(letter)
                    #expect(!mine.text.isEmpty)
                    #expect(mine.text == theirs.guardianNotice(letter).text, "\(kind) \(language) virtual \(virtual)")
                }
            }
        }
    }

    /// The Mustache rules the email templates rely on, each beside the library's output.
    @Test(arguments: [
        "plain text\nsecond line\n",
        "Hello {{name}}!\n{{! a comment }}\nBye\n",
        "{{#list}}\n  - {{name}} ({{grade}})\n{{/list}}\n",
        "  {{#list}}\n    {{#flag}}\n  * {{name}}\n    {{/flag}}\n  {{/list}}\nend",
        "{{#list}}{{name}}, {{/list}}|{{^list}}none{{/list}}|{{^empty}}empty{{/empty}}|{{^missing}}missing{{/missing}}",
        "{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}} {{#off}}on{{/off}}{{^off}}off{{/off}}",
        "{{#run}}#{{id}} at {{url}} for {{name}}{{/run}} {{run.id}} {{run.missing}} {{missing.id}}",
        "{{#strings}}[{{.}}]{{/strings}} {{#numbers}}<{{.}}>{{/numbers}}",
        "{{html}} {{{html}}} {{&html}} {{ html }}",
        "{{#text}}text is {{.}}{{/text}} {{#emptyText}}empty text renders{{/emptyText}} {{#count}}count {{.}}{{/count}}",
        "{{% CONTENT_TYPE: TEXT}}\nraw {{html}}\n{{#list}}\n{{name}}\n{{/list}}\n",
        "line one\r\n{{#flag}}\r\ninside\r\n{{/flag}}\r\nlast\r\n",
        "{{#list}}{{#run}}{{name}}/{{id}};{{/run}}{{/list}}",
        "{{big}} {{negative}} {{double}} {{flag}}",
        "{{#list}}\n{{name}}\n{{/list}}",
        "no newline at the end {{#flag}}x{{/flag}}",
    ])
    func theRulesMatchTheLibrary(_ source: String) throws {
        let model: [String: Any] = [
            "name": "Peña", "html": "<b class=\"x\">O'Neil & co</b>", "flag": true, "off": false, "empty": [[String: Any]](),
            "list": [["name": "Ana <A>", "grade": 11, "flag": true], ["name": "Jo", "grade": 12, "flag": false]] as [[String: Any]],
            "run": ["id": Int64(42), "url": "https://wbl.example/runs/42?a=1&b=2"] as [String: Any],
            "strings": ["a", "<b>", "c"], "numbers": [1, 2, 3], "text": "some", "emptyText": "", "count": 3,
            "big": Int64.max, "negative": -7, "double": 0.5,
        ]
        let mine = try EmailTemplate(source, name: "test").render(model)
        let library = try MustacheTemplate(string: source).render(model)
        #expect(mine == library, "\(source.debugDescription): \(mine.debugDescription) vs \(library.debugDescription)")
    }

    @Test(arguments: [
        ("one\n{{#list}}\ntwo\n", "test.mustache:2: {{#list}} is never closed"),
        ("{{#a}}\n{{#b}}\n{{/a}}\n", "test.mustache:3: {{/a}} closes {{#b}} (opened on line 2)"),
        ("x\n{{/a}}", "test.mustache:2: {{/a}} closes no section"),
        ("{{> header}}", "test.mustache:1: {{> header}}: partials, blocks and delimiter changes are not used in email templates"),
        ("a {{name", "test.mustache:1: a tag opened here is not closed on the same line"),
        ("{{name(uppercased)}}", "test.mustache:1: {{name(uppercased)}}: transforms are not used in email templates"),
        ("{{% CONTENT_TYPE: JSON}}", "test.mustache:1: pragma {{% CONTENT_TYPE: JSON}} is not understood"),
    ])
    func aTemplateItCannotRenderFaithfullyIsRefusedWithItsLine(_ source: String, _ message: String) {
        #expect {
            _ = try EmailTemplate(source, name: "test")
        } throws: { error in
            (error as? ReportError)?.message == message
        }
    }

    // MARK: - Helpers

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8), y = Array(b.utf8)
        let i = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, i - 40)..<min(bytes.count, i + 40)], as: UTF8.self).debugDescription }
        return "byte \(i): ours \(context(x)), library \(context(y))"
    }
}
