import Database
import Intake
import Store
import Testing
import TestSupport

@Suite struct ImportScopeTests {
    @Test func counselorImportsOnlyOwnSchool() async throws {
        try await IntakeFixture.with { f in
            let header = "school,student_id,first_name,last_name,birth_date,grade\n"
            let counselor = "counselor@clovis-hs.example.org"
            let own = try await f.importCSV(.students, header + ",OWN1,Ana,Peña,2010-01-01,10\nclovis-hs,OWN2,Bo,Nguyễn,2010-01-01,10\n", as: counselor)
            #expect(own.created == 2)
            let other = try await f.problems(.students, header + "portales-hs,OTHER1,Ana,Peña,2010-01-01,10\n", as: counselor)
            #expect(other == ["students.csv:2:school: \"portales-hs\" is not your school (clovis-hs): a counselor imports only their own school's students"])
            let kinds = try await f.problems(.slots, f.data.csv(.slots), as: counselor)
            #expect(kinds == ["slots.csv: counselor@clovis-hs.example.org is a counselor and cannot import slots (allowed: edc_staff, coordinator)"])
        }
    }

    @Test func edcStaffImportOnlyOwnEDC() async throws {
        try await IntakeFixture.with { f in
            let staff = "staff@edc-portales.example.org"
            let mine = try await f.importCSV(.employers, "employer_id,name\nPO-NEW,New Portales Employer\n", as: staff)
            #expect(mine.created == 1)
            let edc = try await f.db.pool.query("SELECT o.code FROM employers e JOIN organizations o ON o.id = e.edc_id WHERE e.external_id = 'PO-NEW'").first!.decode(0, as: String.self)
            #expect(edc == "edc-portales")
            let theirs = try await f.problems(.employers, "edc,employer_id,name\nedc-clovis,CL-NEW,Not Mine\n", as: staff)
            #expect(theirs == ["employers.csv:2:edc: \"edc-clovis\" is not your EDC (edc-portales): EDC staff import only their own EDC's employers"])
            #expect(try await f.problems(.students, f.data.csv(.students), as: staff).count == 1)
        }
    }

    @Test func employerUsersRankOnlyTheirOwnEmployersSlots() async throws {
        try await IntakeFixture.with { f in
            _ = try await f.importCSV(.organizations, "code,kind,name\nacme-org,employer,Acme Ag\n")
            _ = try await f.importCSV(.users, "email,name,role,organization\nhr@acme.example,Hana Ruiz,employer,acme-org\n")
            let employer = try await f.db.pool.query("""
                SELECT e.external_id, e.name, e.industry FROM employers e JOIN organizations o ON o.id = e.edc_id
                WHERE o.code = 'edc-clovis' AND EXISTS (SELECT 1 FROM slots s WHERE s.employer_id = e.id)
                ORDER BY e.id LIMIT 1
                """)[0]
            let code: String = try employer.decode("external_id")
            let name: String = try employer.decode("name"), industry: String = try employer.decode("industry")
            let header = "edc,employer_id,name,industry,organization\n"
            let wrongKind = try await f.problems(.employers, header + "edc-clovis,\(code),\"\(name)\",\"\(industry)\",clovis-hs\n")
            #expect(wrongKind == ["employers.csv:2:organization: \"clovis-hs\" is not the code of an employer's own organization (kind employer or partner)"])
            #expect(try await f.importCSV(.employers, header + "edc-clovis,\(code),\"\(name)\",\"\(industry)\",acme-org\n") == ImportCounts(updated: 1))
            // A file without the column keeps the link.
            #expect(try await f.importCSV(.employers, "edc,employer_id,name,industry\nedc-clovis,\(code),\"\(name)\",\"\(industry)\"\n") == ImportCounts(unchanged: 1))

            let slots = try await f.db.pool.query("""
                SELECT s.external_id, e.external_id = $1 AS own FROM slots s JOIN employers e ON e.id = s.employer_id
                JOIN organizations o ON o.id = s.edc_id WHERE o.code = 'edc-clovis' ORDER BY s.id
                """, [code])
            let own: String = try slots.first { try $0.decode("own", as: Bool.self) }!.decode("external_id")
            let other: String = try slots.first { try !$0.decode("own", as: Bool.self) }!.decode("external_id")
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id LIMIT 1")[0]
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let rankings = "edc,slot_id,tier,school,student_id\n"
            let hr = "hr@acme.example"
            let counts = try await f.importCSV(.rankings, rankings + "edc-clovis,\(own),1,\(school),\(id)\n", as: hr)
            #expect(counts.created + counts.updated == 1)
            let stored = try await f.db.pool.query("""
                SELECT r.tier FROM rankings r JOIN slots s ON s.id = r.slot_id JOIN students st ON st.id = r.student_id
                WHERE s.external_id = $1 AND st.external_id = $2
                """, [own, id])
            #expect(try stored.map { try $0.decode("tier", as: Int.self) } == [1])
            let refused = try await f.problems(.rankings, rankings + "edc-clovis,\(other),1,\(school),\(id)\n", as: hr)
            #expect(refused == ["rankings.csv:2:slot_id: slot \(other) is not offered by your organization (acme-org)"])
            // Employers export only their own slots' rankings (the other slot is ranked by the coordinator).
            _ = try await f.importCSV(.rankings, rankings + "edc-clovis,\(other),1,\(school),\(id)\n")
            let user = try await UserRepository(pool: f.db.pool).actingUser(email: hr)
            let csv = try await IntakeExporter(pool: f.db.pool).csv(.rankings, as: user)
            let lines = csv.split(separator: "\n").dropFirst()
            #expect(!lines.isEmpty)
            let ownSlots = Set(try slots.filter { try $0.decode("own", as: Bool.self) }.map { try $0.decode("external_id", as: String.self) })
            #expect(lines.contains { $0.hasPrefix("edc-clovis,\(own),1,") })
            #expect(lines.allSatisfy { ownSlots.contains(String($0.split(separator: ",")[1])) })
            // Employer users import nothing else.
            #expect(try await f.problems(.slots, f.data.csv(.slots), as: hr).count == 1)
        }
    }

    @Test func caseWorkerImportsOnlyOwnReferrals() async throws {
        try await IntakeFixture.with { f in
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.student_id = s.id) ORDER BY s.id LIMIT 1").first!
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let worker = "jordan.baca@jjs-region1.example.org"
            let csv = "school,student_id,referred_on,curfew,excluded_counties,caseworker_approval_required\n\(school),\(id),2026-10-02,20:00,Quay;De Baca,true\n"
            #expect(try await f.importCSV(.referrals, csv, as: worker) == ImportCounts(created: 1))
            #expect(try await f.importCSV(.referrals, csv, as: worker) == ImportCounts(unchanged: 1))
            let restriction = try await f.db.pool.query("""
                SELECT rr.curfew::text AS curfew, rr.caseworker_approval_required AS approval, u.email,
                       (SELECT string_agg(county, ';' ORDER BY county) FROM referral_excluded_counties x WHERE x.referral_id = r.id) AS counties
                FROM referrals r JOIN referral_restrictions rr ON rr.referral_id = r.id JOIN users u ON u.id = r.referred_by
                JOIN students s ON s.id = r.student_id WHERE s.external_id = $1
                """, [id]).first!
            #expect(try restriction.decode("curfew", as: String.self) == "20:00:00")
            #expect(try restriction.decode("approval", as: Bool.self))
            #expect(try restriction.decode("email", as: String.self) == worker)
            #expect(try restriction.decode("counties", as: String.self) == "De Baca;Quay")

            let changed = csv.replacing("20:00", with: "19:00")
            #expect(try await f.importCSV(.referrals, changed, as: worker) == ImportCounts(updated: 1))

            let other = "school,student_id,referred_on,case_worker\n\(school),\(id),2026-10-02,casey.morales@jjs-region1.example.org\n"
            #expect(try await f.problems(.referrals, other, as: worker) == [
                "referrals.csv:2:case_worker: casey.morales@jjs-region1.example.org is not you: a case worker imports only their own referrals",
            ])
            // A coordinator not granted juvenile access cannot import referrals at all.
            #expect(try await f.problems(.referrals, csv, as: "reports@region1-cte.example.org").count == 1)
            // Nor can a counselor.
            #expect(try await f.problems(.referrals, csv, as: "counselor@clovis-hs.example.org").count == 1)
        }
    }
}
