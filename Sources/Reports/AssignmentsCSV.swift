/// The general CSV of a run's assignments, attached to the coordinator email.
///
/// It is an unrestricted report: it never carries referral facts, reserved-seat flags or approval
/// status, whatever the reader's permissions.
public enum AssignmentsCSV {
    /// The columns, in order.
    public static let header = [
        "run_id", "student_id", "student_external_id", "last_name", "first_name", "school", "grade",
        "program_of_study", "choice_rank", "slot_id", "slot_external_id", "slot_title", "slot_kind",
        "employer", "edc",
    ]

    /// The CSV text (UTF-8, CRLF line ends), one row per assignment, sorted by school then name.
    public static func render(_ report: RunReport) -> String {
        String(decoding: bytes(ReportIndex(report)), as: UTF8.self)
    }

    /// How many rows (besides the header) the CSV has: one per assignment.
    static func rows(_ index: ReportIndex) -> Int {
        index.filled.values.reduce(0) { $0 + $1.all }
    }

    /// The CSV's UTF-8 bytes, as attached.
    static func bytes(_ index: ReportIndex) -> [UInt8] {
        var csv = CSVWriter(header: header)
        let students = index.report.students
        // By school name, then id: two schools of one name keep one order in every run.
        let schools = index.studentsBySchool.values.sorted {
            (students[$0[0]].schoolName, students[$0[0]].schoolID) < (students[$1[0]].schoolName, students[$1[0]].schoolID)
        }
        let runID = index.report.run.id
        for positions in schools {
            for position in positions {
                guard let seat = students[position].assignment else { continue }
                csv.append(runID)
                csv.append(students[position].id)
                csv.append(students[position].externalID)
                csv.append(students[position].lastName)
                csv.append(students[position].firstName)
                csv.append(students[position].schoolName)
                csv.append(Int64(students[position].grade))
                csv.append(students[position].programOfStudy)
                csv.append(Int64(seat.choiceRank))
                csv.append(seat.slotID)
                if let slot = index.slotsByID[seat.slotID] {
                    for text in [slot.externalID, slot.title, slot.kind, slot.employerName, slot.edcName] { csv.append(text) }
                } else {
                    for _ in 0..<5 { csv.appendEmpty() }
                }
                csv.endRow()
            }
        }
        return csv.bytes
    }
}
