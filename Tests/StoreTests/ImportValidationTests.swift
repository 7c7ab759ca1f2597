import Database
import Intake
import Store
import Testing
import TestSupport

/// Every validation with a failing file; `IntakeFixture.problems` also proves the database unchanged.
@Suite struct ImportValidationTests {
    static let studentHeader = "school,student_id,first_name,last_name,birth_date,grade,program_of_study\n"

    @Test func studentProblems() async throws {
        try await IntakeFixture.with { f in
            let csv = Self.studentHeader
                + "clovis-hs,NEW1,Ana,Peña,2010-01-01,10,agriculture\n"      // valid: must not be applied
                + "clovis-hs,NEW2,Ana,Peña,2009-02-30,10,agriculture\n"
                + "clovis-hs,NEW3,Ana,Peña,2020-01-01,10,agriculture\n"
                + "clovis-hs,NEW4,Ana,Peña,1990-01-01,10,agriculture\n"
                + "clovis-hs,NEW5,Ana,Peña,2010-01-01,10,welding\n"
            let found = try await f.problems(.students, csv)
            #expect(found.contains("students.csv:3:birth_date: \"2009-02-30\" is not a date (use YYYY-MM-DD)"))
            #expect(found.contains { $0.hasPrefix("students.csv:4:birth_date: 2020-01-01 makes the student 6 years old") })
            #expect(found.contains { $0.hasPrefix("students.csv:5:birth_date: 1990-01-01 makes the student 36 years old") })
            #expect(found.contains { $0.hasPrefix("students.csv:6:program_of_study: \"welding\" is not one of") })
            #expect(try await f.count("SELECT count(*)::int FROM students WHERE external_id = 'NEW1'") == 0)

            let references = try await f.problems(.students, Self.studentHeader
                + "nowhere-hs,N1,Ana,Peña,2010-01-01,10,\n"
                + "edc-clovis,N2,Ana,Peña,2010-01-01,10,\n"
                + "clovis-hs,N3,Ana,Peña,2010-01-01,10,\n"
                + "clovis-hs,N3,Ana,Peña,2010-01-01,10,\n"
                + ",N4,Ana,Peña,2010-01-01,10,\n")
            #expect(references == [
                "students.csv:2:school: \"nowhere-hs\" is not the code of a school",
                "students.csv:3:school: \"edc-clovis\" is not the code of a school",
                "students.csv:5:student_id: student N3 of clovis-hs appears again (first on line 4)",
                "students.csv:6:school: is required (the code of the student's school, e.g. clovis-hs)",
            ])
        }
    }

    @Test func slotProblems() async throws {
        try await IntakeFixture.with { f in
            let employer = try await f.db.pool.query("SELECT external_id FROM employers e JOIN organizations o ON o.id = e.edc_id WHERE o.code = 'edc-clovis' LIMIT 1").first!.decode(0, as: String.self)
            let header = "edc,slot_id,employer_id,title,kind,program_of_study,capacity,reserved_seats,start_date,end_date,virtual,site_name,site_latitude,site_longitude\n"
            let csv = header
                + "edc-clovis,NS1,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS2,\(employer),Helper,internship,agriculture,-1,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS3,\(employer),Helper,internship,agriculture,1,2,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS4,\(employer),Helper,internhip,agriculture,1,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS5,\(employer),Helper,internship,agriculture,1,0,2027-01-11,2027-05-14,false,Yard,134.4,-103.2\n"
                + "edc-clovis,NS6,\(employer),Helper,internship,agriculture,1,0,2027-01-11,2027-13-14,true,,,\n"
            let found = try await f.problems(.slots, csv)
            #expect(found == [
                "slots.csv:3:capacity: -1 is out of range (0–10000)",
                "slots.csv:4:reserved_seats: 2 reserved seats exceed the capacity of 1",
                "slots.csv:5:kind: \"internhip\" is not one of internship, pre_apprenticeship, apprenticeship, job_shadow, school_based_enterprise",
                "slots.csv:6:site_latitude: 134.4 is out of range (-90…90)",
                "slots.csv:7:end_date: \"2027-13-14\" is not a date (use YYYY-MM-DD)",
            ])
            let unknown = try await f.problems(.slots, header + "edc-clovis,NS7,NOBODY,Helper,internship,agriculture,1,0,2027-01-11,2027-05-14,true,,,\n")
            #expect(unknown == ["slots.csv:2:employer_id: employer NOBODY of edc-clovis is not known (import it with employers.csv first)"])
        }
    }

    @Test func slotsAndEmployersGivenTwiceAreNamed() async throws {
        try await IntakeFixture.with { f in
            let employer = try await f.db.pool.query("SELECT external_id FROM employers e JOIN organizations o ON o.id = e.edc_id WHERE o.code = 'edc-clovis' LIMIT 1").first!.decode(0, as: String.self)
            let slots = "edc,slot_id,employer_id,title,kind,program_of_study,capacity,reserved_seats,start_date,end_date,virtual,site_name,site_latitude,site_longitude\n"
                + "edc-clovis,NS1,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS2,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS1,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-portales,NS1,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
                + "edc-clovis,NS1,\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
            let found = try await f.problems(.slots, slots)
            #expect(found.filter { $0.contains("appears again") } == [
                "slots.csv:4:slot_id: slot NS1 of edc-clovis appears again (first on line 2)",
                "slots.csv:6:slot_id: slot NS1 of edc-clovis appears again (first on line 2)",
            ])
            let employers = "edc,employer_id,name,industry\nedc-clovis,NE1,A,manufacturing\nedc-portales,NE1,B,manufacturing\n"
                + "edc-clovis,NE1,C,manufacturing\n"
            #expect(try await f.problems(.employers, employers).filter { $0.contains("appears again") }
                    == ["employers.csv:4:employer_id: employer NE1 of edc-clovis appears again (first on line 2)"])
        }
    }

    @Test func choiceProblems() async throws {
        try await IntakeFixture.with { f in
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id LIMIT 1").first!
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let slots = try await f.db.pool.query("SELECT external_id FROM slots WHERE active ORDER BY id LIMIT 12").map { try $0.decode(0, as: String.self) }
            try await f.db.pool.execute("UPDATE slots SET active = false WHERE external_id = $1", [slots[11]])
            let csv = "school,student_id,rank,slot_id\n"
                + "\(school),\(id),1,\(slots[0])\n"
                + "\(school),\(id),1,\(slots[1])\n"       // duplicate rank
                + "\(school),\(id),2,\(slots[0])\n"       // duplicate slot
                + "\(school),\(id),11,\(slots[2])\n"      // over max_choices (10)
                + "\(school),\(id),3,NOSUCHSLOT\n"
                + "\(school),\(id),4,\(slots[11])\n"      // inactive
                + "\(school),NOSUCHSTUDENT,1,\(slots[0])\n"
            let found = try await f.problems(.choices, csv)
            #expect(found == [
                "choices.csv:3:rank: student \(id) already has rank 1 (line 2)",
                "choices.csv:4:slot_id: student \(id) already chose slot \(slots[0]) (line 2)",
                "choices.csv:5:rank: rank 11 is more than the round allows (10 choices)",
                "choices.csv:6:slot_id: slot NOSUCHSLOT is not known",
                "choices.csv:7:slot_id: slot \(slots[11]) is not active and takes no choices",
                "choices.csv:8:student_id: NOSUCHSTUDENT is not a student of \(school) (import students.csv first)",
            ])
        }
    }

    /// A slot id that two EDCs both use names no slot unless the row says which EDC it means.
    @Test func aSlotIdSharedByTwoEDCsNeedsTheEDC() async throws {
        try await IntakeFixture.with { f in
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id LIMIT 1").first!
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let slot = try await f.db.pool.query("""
                SELECT s.external_id, o.code FROM slots s JOIN organizations o ON o.id = s.edc_id WHERE s.active ORDER BY s.id LIMIT 1
                """).first!
            let slotID: String = try slot.decode(0), edc: String = try slot.decode(1)
            let other = try await f.db.pool.query("""
                SELECT e.external_id, o.code FROM employers e JOIN organizations o ON o.id = e.edc_id WHERE o.code <> $1 ORDER BY e.id LIMIT 1
                """, [edc]).first!
            let employer: String = try other.decode(0), otherEDC: String = try other.decode(1)
            let slots = "edc,slot_id,employer_id,title,kind,program_of_study,capacity,reserved_seats,start_date,end_date,virtual,site_name,site_latitude,site_longitude\n"
                + "\(otherEDC),\(slotID),\(employer),Helper,internship,agriculture,2,0,2027-01-11,2027-05-14,true,,,\n"
            _ = try await f.importCSV(.slots, slots)
            let found = try await f.problems(.choices, "school,student_id,rank,slot_id\n\(school),\(id),1,\(slotID)\n")
            #expect(found == ["choices.csv:2:slot_id: slot id \(slotID) is used by 2 EDCs: add an edc column to say which"])
            _ = try await f.importCSV(.choices, "school,student_id,rank,edc,slot_id\n\(school),\(id),1,\(edc),\(slotID)\n")
        }
    }

    @Test func referralAndRankingProblems() async throws {
        try await IntakeFixture.with { f in
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id LIMIT 1").first!
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let referrals = "school,student_id,referred_on,case_worker,curfew,excluded_employers\n"
                + "\(school),\(id),2026-10-01,casey.morales@jjs-region1.example.org,9pm,\n"
                + "\(school),\(id),2026-10-01,casey.morales@jjs-region1.example.org,21:00,edc-clovis:NOBODY\n"
                + "\(school),\(id),2026-10-01,counselor@clovis-hs.example.org,21:00,\n"
            let found = try await f.problems(.referrals, referrals)
            #expect(found == ["referrals.csv:2:curfew: \"9pm\" is not a time of day (use 24-hour HH:MM, e.g. 21:00)"])
            let found2 = try await f.problems(.referrals, referrals.replacing(",9pm,", with: ",21:00,"))
            #expect(found2.contains("referrals.csv:3:excluded_employers: employer edc-clovis:NOBODY is not known"))
            #expect(found2.contains("referrals.csv:4:case_worker: counselor@clovis-hs.example.org is not an active case worker"))
            #expect(found2.contains("referrals.csv:3:student_id: student \(id) of \(school) is referred again (first on line 2)"))

            let rankings = "edc,slot_id,tier,school,student_id\nedc-clovis,NOSLOT,1,\(school),\(id)\n"
            #expect(try await f.problems(.rankings, rankings) == ["rankings.csv:2:slot_id: slot NOSLOT of edc-clovis is not known"])
        }
    }

    @Test func fileLevelProblems() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            var bytes = Array("code,kind,name\nok-org,partner,Ok\n".utf8)
            bytes += Array("bad-org,partner,P".utf8) + [0xE9] + Array("na\n".utf8)
            #expect(throws: IntakeProblems.self) {
                _ = try IntakeValidator().validate(csv: bytes, fileName: "organizations.csv", kind: .organizations)
            }
            do {
                _ = try IntakeValidator().validate(csv: bytes, fileName: "organizations.csv", kind: .organizations,
                                                   reader: CSVReader(maxBytes: 10))
                Issue.record("a file over the limit was read")
            } catch let error as IntakeProblems {
                #expect(error.problems.first?.message.contains("over the limit of 10 bytes") == true)
            }
            let unknown = try await f.problems(.organizations, "code,kind,name,colour\nx,partner,X,red\n")
            #expect(unknown == ["organizations.csv:1:colour: unknown column for organizations (known columns: code, kind, name, county, latitude, longitude)"])
        }
    }

    @Test func bomCRLFAndQuotedNewlinesImport() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            let text = "\u{FEFF}code,kind,name\r\npartner-a,partner,\"Plains Partners, Inc.\"\r\npartner-b,partner,\"Two\r\nLines\"\r\n"
            let counts = try await f.importCSV(.organizations, text)
            #expect(counts.created == 2)
            let names = try await f.db.pool.query("SELECT name FROM organizations WHERE code LIKE 'partner-%' ORDER BY code").map { try $0.decode(0, as: String.self) }
            #expect(names == ["Plains Partners, Inc.", "Two\r\nLines"])
        }
    }
}
