import Database
import Hummingbird
import Testing
@testable import WebApp

@Suite("CSV upload")
struct ImportsTests {
    static let header = "slot_id,employer_id,title,kind,program_of_study,capacity,start_date,end_date,site_name,site_latitude,site_longitude"

    static func multipart(_ fields: [(String, String)], file: String, fileName: String, boundary: String = "XyZzY") -> String {
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        body += "--\(boundary)--\r\n"
        return body
    }

    static func upload(_ browser: inout Browser, kind: String, csv: String, csrf: Bool = true) async throws -> Browser.Page {
        var fields = [("kind", kind)]
        if csrf, let token = browser.csrf { fields.insert(("_csrf", token), at: 0) }
        return try await browser.send("/imports", method: .post, body: multipart(fields, file: csv, fileName: "slots.csv"),
                                      headers: [.contentType: "multipart/form-data; boundary=XyZzY"])
    }

    @Test func everyRowErrorIsShownAndNothingIsSaved() async throws {
        try await WebFixture.with { _, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["edc_staff"]!)
            #expect(try await browser.get("/imports").status == .ok)
            let csv = [
                Self.header,
                "N1,E1,Milking parlor helper,internship,agriculture,2,2027-01-15,2027-05-20,Main,34.4,-103.2",
                "N2,E1,,internship,agriculture,2,2027-01-15,2027-05-20,Main,34.4,-103.2",
                "N3,E1,Bad kind,circus,agriculture,2,2027-01-15,2027-05-20,Main,34.4,-103.2",
            ].joined(separator: "\n") + "\n"
            let page = try await Self.upload(&browser, kind: "slots", csv: csv)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("<td>3</td>"), "line 3 (missing title) is listed")
            #expect(page.body.contains("<td>4</td>"), "line 4 (bad kind) is listed")
            #expect(page.body.contains("circus"))
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM slots WHERE external_id = 'N1'")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)

            let good = Self.header + "\nN1,E1,Milking parlor helper,internship,agriculture,2,2027-01-15,2027-05-20,Main,34.4,-103.2\n"
            let ok = try await Self.upload(&browser, kind: "slots", csv: good)
            #expect(ok.status == .ok)
            #expect(ok.body.contains("Imported slots.csv: 1 rows"))
            let saved = try await pool.query("SELECT title FROM slots WHERE external_id = 'N1'")
            #expect(try saved.first?.decode("title", as: String.self) == "Milking parlor helper")
        }
    }

    @Test func uploadsNeedTheCSRFTokenAndAnAllowedKind() async throws {
        try await WebFixture.with { _, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            _ = try await browser.get("/imports")
            let csv = Self.header + "\nN9,E1,Sneaky,internship,agriculture,2,2027-01-15,2027-05-20,Main,34.4,-103.2\n"
            #expect(try await Self.upload(&browser, kind: "slots", csv: csv, csrf: false).status == .forbidden)
            let wrongKind = try await Self.upload(&browser, kind: "slots", csv: csv)
            #expect(wrongKind.status == .forbidden, "a counselor may not upload slots")
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM slots WHERE external_id = 'N9'")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
        }
    }

    @Test func multipartBodiesAreSplitIntoParts() {
        let body = Self.multipart([("_csrf", "abc"), ("kind", "slots")], file: "a,b\r\n1,2", fileName: "x.csv")
        let form = MultipartForm(contentType: "multipart/form-data; boundary=\"XyZzY\"", body: Array(body.utf8))
        #expect(form?.text("_csrf") == "abc")
        #expect(form?.text("kind") == "slots")
        #expect(form?["file"]?.fileName == "x.csv")
        #expect(form?.text("file") == "a,b\r\n1,2")
        #expect(MultipartForm(contentType: "text/plain", body: Array(body.utf8)) == nil)
    }
}
