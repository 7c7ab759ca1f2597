import Hummingbird
import Testing
import WebApp

/// Every page route for every role: allowed (200 or a redirect after a POST) or refused (403),
/// and signed-out visitors are sent to the sign-in page.
@Suite("Routes × roles")
struct RoleMatrixTests {
    enum Expect: Equatable { case allowed, forbidden }

    struct Route: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: @Sendable (Seed) -> String
        var form: @Sendable (Seed) -> [(String, String)]
        var allowed: Set<String>
        var name: String
        var description: String { name }
    }

    static let everyone: Set<String> = ["coordinator", "counselor", "edc_staff", "case_worker", "employer"]

    static let routes: [Route] = [
        Route(method: .get, path: { _ in "/" }, form: { _ in [] }, allowed: everyone, name: "GET /"),
        Route(method: .get, path: { _ in "/students" }, form: { _ in [] }, allowed: ["coordinator", "counselor"], name: "GET /students"),
        Route(method: .get, path: { "/students/\($0.clovisStudents[0])" }, form: { _ in [] }, allowed: ["coordinator", "counselor"], name: "GET /students/:id"),
        Route(method: .post, path: { "/students/\($0.clovisStudents[0])" }, form: { _ in
            [("grade", "11"), ("transport", "family"), ("guardian_language", "en")] }, allowed: ["coordinator", "counselor"], name: "POST /students/:id"),
        Route(method: .get, path: { "/students/\($0.clovisStudents[0])/choices" }, form: { _ in [] }, allowed: ["coordinator", "counselor"], name: "GET choices"),
        Route(method: .post, path: { "/students/\($0.clovisStudents[0])/choices/add" }, form: { [("slot", "\($0.clovisSlots[0])")] },
              allowed: ["coordinator", "counselor"], name: "POST choices/add"),
        Route(method: .post, path: { "/students/\($0.clovisStudents[0])/choices/move" }, form: { [("slot", "\($0.clovisSlots[0])"), ("direction", "up")] },
              allowed: ["coordinator", "counselor"], name: "POST choices/move"),
        Route(method: .post, path: { "/students/\($0.clovisStudents[0])/choices/order" }, form: { _ in [] },
              allowed: ["coordinator", "counselor"], name: "POST choices/order"),
        Route(method: .get, path: { _ in "/slots" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff"], name: "GET /slots"),
        Route(method: .get, path: { _ in "/slots/new" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff"], name: "GET /slots/new"),
        Route(method: .get, path: { "/slots/\($0.clovisSlots[0])" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff"], name: "GET /slots/:id"),
        Route(method: .post, path: { "/slots/\($0.clovisSlots[0])/active" }, form: { _ in [("active", "1")] }, allowed: ["coordinator", "edc_staff"], name: "POST /slots/:id/active"),
        Route(method: .post, path: { _ in "/slots" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff"], name: "POST /slots"),
        Route(method: .get, path: { _ in "/runs" }, form: { _ in [] }, allowed: ["coordinator"], name: "GET /runs"),
        Route(method: .get, path: { _ in "/imports" }, form: { _ in [] }, allowed: ["coordinator", "counselor", "edc_staff", "case_worker"], name: "GET /imports"),
        Route(method: .post, path: { _ in "/runs" }, form: { _ in [("kind", "final")] }, allowed: ["coordinator"], name: "POST /runs (unconfirmed)"),
        Route(method: .get, path: { _ in "/referrals" }, form: { _ in [] }, allowed: ["case_worker"], name: "GET /referrals"),
        Route(method: .post, path: { _ in "/referrals" }, form: { _ in [] }, allowed: ["case_worker"], name: "POST /referrals"),
        Route(method: .get, path: { _ in "/referrals/approvals" }, form: { _ in [] }, allowed: ["case_worker"], name: "GET /referrals/approvals"),
        Route(method: .get, path: { _ in "/jobs" }, form: { _ in [] }, allowed: ["coordinator"], name: "GET /jobs"),
        Route(method: .get, path: { _ in "/outbox" }, form: { _ in [] }, allowed: ["coordinator"], name: "GET /outbox"),
        // No such email: a coordinator is told so (redirect), everyone else refused.
        Route(method: .post, path: { _ in "/outbox/999999/retry" }, form: { _ in [] }, allowed: ["coordinator"], name: "POST /outbox/:id/retry"),
        Route(method: .get, path: { _ in "/users" }, form: { _ in [] }, allowed: ["coordinator"], name: "GET /users"),
        Route(method: .post, path: { "/users/\($0.userIDs["employer"]!)/disabled" }, form: { _ in [("disabled", "0")] }, allowed: ["coordinator"], name: "POST /users/:id/disabled"),
        Route(method: .post, path: { _ in "/users/tokens" }, form: { _ in [] }, allowed: ["coordinator"], name: "POST /users/tokens"),
        Route(method: .get, path: { _ in "/rankings" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff", "employer"], name: "GET /rankings"),
        Route(method: .get, path: { "/rankings/\($0.clovisSlots[0])" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff", "employer"], name: "GET /rankings/:id"),
        Route(method: .post, path: { "/rankings/\($0.clovisSlots[0])" }, form: { _ in [] }, allowed: ["coordinator", "edc_staff", "employer"], name: "POST /rankings/:id"),
        Route(method: .get, path: { _ in "/policy" }, form: { _ in [] }, allowed: ["coordinator"], name: "GET /policy"),
        Route(method: .post, path: { _ in "/policy" }, form: { _ in [("policy", "{")] }, allowed: ["coordinator"], name: "POST /policy (invalid)"),
        Route(method: .post, path: { "/policy/rounds/\($0.roundID)" }, form: { _ in [("max_choices", "3")] }, allowed: ["coordinator"], name: "POST /policy/rounds/:id"),
    ]

    @Test(arguments: ["coordinator", "counselor", "edc_staff", "case_worker", "employer"])
    func everyRouteForRole(_ role: String) async throws {
        try await WebFixture.with { seed, _, client in
            var browser = Browser(client)
            #expect(try await browser.signIn(Seed.emails[role]!).status == .seeOther)
            _ = try await browser.get("/")
            for route in Self.routes {
                let page = route.method == .get ? try await browser.get(route.path(seed))
                                                 : try await browser.post(route.path(seed), route.form(seed))
                if route.allowed.contains(role) {
                    // 422 = the form was checked (and refused as incomplete) by an allowed user.
                    #expect([.ok, .seeOther, .noContent, .unprocessableContent].contains(page.status), "\(role) \(route): \(page.status)")
                    #expect(page.location?.hasPrefix("/login") != true, "\(role) \(route) was sent to sign in")
                } else {
                    #expect(page.status == .forbidden, "\(role) \(route): \(page.status)")
                }
            }
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await WebFixture.with { seed, _, client in
            var browser = Browser(client)
            for route in Self.routes where route.method == .get {
                let page = try await browser.get(route.path(seed))
                #expect(page.status == .seeOther, "\(route)")
                #expect(page.location?.hasPrefix("/login?next=") == true, "\(route)")
            }
        }
    }
}
