import Testing
@testable import Placement

@Suite struct WeeklyScheduleTests {
    @Test func parsesRangesListsAndSeveralWindows() throws {
        let s = try WeeklySchedule(parsing: "Mon-Fri 15:30-18:00; Sat 08:00-12:00")
        #expect(s.windows.count == 6)
        #expect(s.windows.first == WeeklyWindow(weekday: 1, start: 930, end: 1080))
        #expect(s.windows.last == WeeklyWindow(weekday: 6, start: 480, end: 720))
        let l = try WeeklySchedule(parsing: "Mon,Wed-Fri 7:05-8:00")
        #expect(l.windows.map(\.weekday) == [1, 3, 4, 5])
        #expect(l.windows[0].start == 425)
        #expect(try WeeklySchedule(parsing: "sat-mon 10:00-11:00").windows.map(\.weekday) == [1, 6, 7])
        #expect(try WeeklySchedule(parsing: "").isEmpty)
        #expect(try WeeklySchedule(parsing: "Tuesday 10:00-24:00;").windows == [WeeklyWindow(weekday: 2, start: 600, end: 1440)!])
    }

    @Test func canonicalTextRoundTrips() throws {
        for text in ["Mon-Fri 15:30-18:00; Sat 08:00-12:00", "Mon,Wed 09:00-10:00", "Fri 22:00-02:00",
                     "Mon-Wed 08:00-09:00; Mon-Wed 13:00-14:00", "Sun 23:00-01:00"] {
            let s = try WeeklySchedule(parsing: text)
            #expect(try WeeklySchedule(parsing: s.text) == s, "\(text) -> \(s.text)")
        }
        #expect(try WeeklySchedule(parsing: "Sat 08:00-12:00; Mon-Fri 15:30-18:00").text == "Mon-Fri 15:30-18:00; Sat 08:00-12:00")
    }

    @Test func crossingMidnight() throws {
        let s = try WeeklySchedule(parsing: "Fri 22:00-02:00")
        #expect(s.windows[0].crossesMidnight)
        #expect(s.windows[0].minutes == 240)
        // Friday night runs into Saturday morning.
        #expect(try WeeklySchedule(parsing: "Fri 20:00-24:00; Sat 00:00-03:00").contains(s))
        #expect(!(try WeeklySchedule(parsing: "Fri 20:00-24:00").contains(s)))
        // Sunday night wraps to Monday morning.
        let sunday = try WeeklySchedule(parsing: "Sun 23:00-01:00")
        #expect(try WeeklySchedule(parsing: "Sun 22:00-24:00; Mon 00:00-06:00").contains(sunday))
    }

    @Test func containment() throws {
        let avail = try WeeklySchedule(parsing: "Mon-Fri 15:00-20:00; Sat 08:00-17:00")
        #expect(avail.contains(try WeeklySchedule(parsing: "Mon-Fri 15:30-18:00; Sat 08:00-12:00")))
        #expect(avail.contains(try WeeklySchedule(parsing: "Mon 15:00-20:00")))             // exactly the edges
        #expect(!avail.contains(try WeeklySchedule(parsing: "Mon 14:59-16:00")))
        #expect(!avail.contains(try WeeklySchedule(parsing: "Sun 10:00-11:00")))
        #expect(avail.contains(.empty))
        #expect(!WeeklySchedule.empty.contains(avail))
        // Adjacent windows merge: 08:00-10:00 and 10:00-12:00 contain 09:00-11:00.
        #expect(try WeeklySchedule(parsing: "Mon 08:00-10:00; Mon 10:00-12:00").contains(try WeeklySchedule(parsing: "Mon 09:00-11:00")))
    }

    @Test(arguments: [
        ("Mon-Fri", 8, "missing the times"),
        ("Mon-Fri 15:30", 14, "expected '-' between"),
        ("Mun 10:00-11:00", 1, "'mun' is not a day"),
        ("Mon 25:00-26:00", 5, "hours must be 00–23"),
        ("Mon 10:60-11:00", 8, "minutes must be 00–59"),
        ("Mon 10:00-10:00", 5, "same time"),
        ("Mon 10:00-11:00, Tue 10:00-11:00", 16, "expected ';'"),
        ("Mon 9-11", 5, "HH:MM"),
        ("Mon 10:00-11:00; Tue", 21, "missing the times"),
    ])
    func errorsNameTheColumn(text: String, column: Int, reason: String) {
        do {
            _ = try WeeklySchedule(parsing: text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.column == column, "\(text): \(error)")
            #expect(error.reason.contains(reason), "\(text): \(error)")
            #expect(error.description.contains("column \(column)"))
        }
    }

    @Test func propertyRandomSchedulesRoundTripAndContainThemselves() throws {
        var rng = SplitMix(seed: 7)
        for _ in 0..<500 {
            var windows: [WeeklyWindow] = []
            for _ in 0..<Int(rng.next() % 5) {
                let start = Int(rng.next() % 1440), end = Int(rng.next() % 1441)
                if let w = WeeklyWindow(weekday: Int(rng.next() % 7) + 1, start: start, end: end) { windows.append(w) }
            }
            let s = WeeklySchedule(windows: windows)
            let back = try WeeklySchedule(parsing: s.text)
            #expect(back.intervals == s.intervals, "\(s.text)")
            #expect(s.contains(s))
            #expect(WeeklySchedule(windows: windows + [WeeklyWindow(weekday: 3, start: 0, end: 1440)!]).contains(s))
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
