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

    /// The CSV's UTF-8 bytes, as attached.
    static func bytes(_ index: ReportIndex) -> [UInt8] {
        var csv = CSVWriter(header: header)
        let students = index.report.students
        // By school name, then id: two schools of one name keep one order in every run.
        let schools = index.studentsBySchool.values.sorted {
            (students[$0[0]].schoolName, students[$0[0]].schoolID) < (students[$1[0]].schoolName, students[$1[0]].schoolID)
        }
        for positions in schools {
            for position in positions {
                let student = students[position]
                guard let seat = student.assignment else { continue }
                let slot = index.slotsByID[seat.slotID]
                csv.appendRow([
                    .number(index.report.run.id), .number(student.id), .text(student.externalID),
                    .text(student.lastName), .text(student.firstName), .text(student.schoolName),
                    .number(Int64(student.grade)), .text(student.programOfStudy), .number(Int64(seat.choiceRank)),
                    .number(seat.slotID), slot.map { .text($0.externalID) } ?? .empty, slot.map { .text($0.title) } ?? .empty,
                    slot.map { .text($0.kind) } ?? .empty, slot.map { .text($0.employerName) } ?? .empty,
                    slot.map { .text($0.edcName) } ?? .empty,
                ])
            }
        }
        return csv.bytes
    }
}
