import MatchingEngine
import Testing
@testable import Intake

/// The byte-by-byte reading of weekly windows (the import's fast path) against the general one.
@Suite struct WeeklyWindowsTextTests {
    /// A text near the grammar: mostly well formed, with any of its pieces sometimes replaced by
    /// a wrong, odd or non-ASCII one.
    static func text(_ g: inout SplitMix64) -> String {
        func pick(_ options: [String]) -> String { options.randomElement(using: &g)! }
        func rare() -> Bool { Int.random(in: 0..<40, using: &g) == 0 }
        func day() -> String {
            rare() ? pick(["Funday", "mo", "", "Mön", "m0n", "Mon\t"]) : pick(["mon", "Tue", "WED", "thu", "fRi", "sat", "sun"])
        }
        func time() -> String {
            if rare() { return pick(["24:00", "24:30", "9:5", "+5:00", "10:+5", "7:30:00", "7:30:01", "25:00", "12:60", "", "1:2:3:4", "٣:00"]) }
            let hour = Int.random(in: 0...23, using: &g)
            let minute = pick(["00", "15", "30", "45", "59"])
            return (hour < 10 && Bool.random(using: &g) ? "0" : "") + "\(hour):" + minute
        }
        func days() -> String {
            (0..<Int.random(in: 1...3, using: &g)).map { _ in
                Bool.random(using: &g) ? day() : day() + (rare() ? pick(["--", " - ", "–"]) : "-") + day()
            }.joined(separator: rare() ? pick([", ", ",,", ";"]) : ",")
        }
        func window() -> String {
            let gap = rare() ? pick(["\t", " \t ", ""]) : pick([" ", "  "])
            return days() + gap + time() + (rare() ? pick(["–", "--", " - "]) : "-") + time() + (rare() ? " extra" : "")
        }
        let windows = (0..<Int.random(in: 1...3, using: &g)).map { _ in pick(["", "", " ", "\t"]) + window() + pick(["", "", " ", "\t"]) }
        return windows.joined(separator: rare() ? pick([";;", " ;  ", ";\u{301}"]) : pick([";", "; "])) + pick(["", "", ";", "; "])
    }

    @Test func theByteByByteReadingAgreesWithTheGeneralOne() throws {
        var g = SplitMix64(seed: 2026_11_30)  // deterministic: a failure names a text to try again
        var read = 0, passedOn = 0
        for _ in 0..<10_000 {
            let text = Self.text(&g)
            let general = WeeklyWindowsText.normalizeInGeneral(text)
            if let plain = WeeklyWindowsText.normalizePlain(text) {
                read += 1
                #expect(general == .success(plain), "\(text.debugDescription)")
            } else {
                passedOn += 1
                #expect(WeeklyWindowsText.normalize(text) == general, "\(text.debugDescription)")
            }
        }
        // Both paths were exercised, the fast one on most texts (which are mostly well formed).
        #expect(read > 2_500, "read byte by byte: \(read)")
        #expect(passedOn > 500, "read in general: \(passedOn)")
    }

    @Test func wellFormedTextsAreReadByteByByte() {
        #expect(WeeklyWindowsText.normalizePlain("mon-fri 9:00-12:00;  sat,SUN 08:00-12:00") == "Mon-Fri 09:00-12:00; Sat,Sun 08:00-12:00")
        #expect(WeeklyWindowsText.normalizePlain("Fri 22:00-02:00") == "Fri 22:00-02:00")
        #expect(WeeklyWindowsText.normalizePlain("Sat 08:00:00-24:00") == "Sat 08:00-24:00")
        #expect(WeeklyWindowsText.normalizePlain("Mon 9:00-09:00") == nil, "an empty window is the general reading's to word")
        #expect(WeeklyWindowsText.normalizePlain("Mön 9:00-10:00") == nil)
        #expect(WeeklyWindowsText.normalize("Mon 9:00-09:00") == .failure(.emptyWindow("Mon 9:00-09:00")))
    }

    /// A sign is not a digit: `Int("+5")` reads 5, and "10:+5" used to pass as a time.
    @Test func timesAreDigitsOnly() {
        #expect(TimeOfDayText.normalize("7:30") == "07:30")
        #expect(TimeOfDayText.normalize("+5:00") == nil)
        #expect(TimeOfDayText.normalize("10:+5") == nil)
        #expect(TimeOfDayText.normalize("-0:00") == nil)
        #expect(TimeOfDayText.normalize("٣:00") == nil)
    }
}
