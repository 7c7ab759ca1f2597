import Testing
@testable import WebApp

@Suite("Pure helpers")
struct PureTests {
    @Test func formFieldsDecodePercentAndPlusAndKeepRepeats() {
        let form = FormFields("a=1&b=hello+world&c=%3Cscript%3E&slot%5B%5D=3&slot%5B%5D=1&empty=&bad=%ZZ")
        #expect(form["a"] == "1")
        #expect(form["b"] == "hello world")
        #expect(form["c"] == "<script>")
        #expect(form.all("slot[]") == ["3", "1"])
        #expect(form["empty"] == "")
        #expect(form["bad"] == nil)
        #expect(form["missing"] == nil)
        let more = FormFields("name=Pe%C3%B1a&raw=Peña&flag&cut=%4&end=%&latin=%FF&plus=a%2Bb&&x==y")
        #expect(more["name"] == "Peña")
        #expect(more["raw"] == "Peña")
        #expect(more["flag"] == "")
        #expect(more["cut"] == nil && more["end"] == nil, "a truncated escape drops the pair")
        #expect(more["latin"] == nil, "decoded bytes that are not UTF-8 drop the pair")
        #expect(more["plus"] == "a+b")
        #expect(more["x"] == "=y")
        #expect(more.pairs.count == 5)
    }

    @Test func tokensAreRandomAndComparedWhole() {
        let a = SecureToken.make(), b = SecureToken.make()
        #expect(a.count == 64 && a != b)
        #expect(SecureToken.equal(a, a))
        #expect(!SecureToken.equal(a, b))
        #expect(!SecureToken.equal(a, String(a.dropLast())))
    }

    @Test func datesAreCheckedAsCalendarDays() {
        #expect(StudentFactsForm.isDate("2028-02-29"))
        #expect(!StudentFactsForm.isDate("2027-02-29"))
        #expect(!StudentFactsForm.isDate("2027-13-01"))
        #expect(!StudentFactsForm.isDate("27-01-01"))
    }

    @Test func ageCountsWholeYears() {
        #expect(EligibilityAdvice.ageOn("2010-06-15", "2026-06-14") == 15)
        #expect(EligibilityAdvice.ageOn("2010-06-15", "2026-06-15") == 16)
        #expect(EligibilityAdvice.ageOn("2008-02-29", "2026-02-28") == 17)
        #expect(EligibilityAdvice.ageOn("2008-02-29", "2026-03-01") == 18)
    }

    @Test func metricsTextIsPrometheusFormat() {
        let metrics = RequestMetrics()
        metrics.record(method: "GET", route: "/x", status: 200, seconds: 0.003)
        metrics.record(method: "GET", route: "/x", status: 200, seconds: 0.2)
        let text = metrics.render()
        #expect(text.contains("wblmatch_http_requests_total{method=\"GET\",route=\"/x\",status=\"200\"} 2"))
        #expect(text.contains("wblmatch_http_request_duration_seconds_bucket{route=\"/x\",le=\"0.005\"} 1"))
        #expect(text.contains("wblmatch_http_request_duration_seconds_bucket{route=\"/x\",le=\"0.25\"} 2"))
        #expect(text.contains("wblmatch_http_request_duration_seconds_count{route=\"/x\"} 2"))
    }
}

@Suite("Page rendering")
struct RenderingTests {
    @Test func emptyStringsAreFalseInSectionsAndNamesAreEscaped() async throws {
        let pages = try await PageRenderer.load()
        let pruned = PageRenderer.pruneEmpty(["q": "", "n": 0, "list": [["a": ""]]]) as! [String: Any]
        #expect(pruned["q"] == nil)
        #expect(pruned["n"] as? Int == 0)
        #expect(((pruned["list"] as! [Any])[0] as! [String: Any]).isEmpty)
        let html = try pages.render("error", ["heading": "<b>x</b>", "message": ""])
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"))
    }
}
