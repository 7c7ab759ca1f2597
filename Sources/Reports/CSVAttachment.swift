import Foundation

/// A CSV attached to an email: the file itself, or, past `zipAboveRows` rows (about 2 MB), the
/// file in a ZIP archive of about a sixth of its size, so a large run's email stays within what
/// mail servers accept. The email's body says which (`csvZipped` in its view model).
enum CSVAttachment {
    static let zipAboveRows = 10_000

    static func zipped(rows: Int) -> Bool { rows > zipAboveRows }

    /// `name.csv`, or `name.zip` holding `name.csv`, dated the run's start.
    static func make(name: String, csv: [UInt8], rows: Int, run: RunInfo, timeZone: TimeZone) -> ReportEmail.Attachment {
        if zipped(rows: rows), let archive = ZipArchive.single(name: name + ".csv", contents: csv, modified: run.startedAt, timeZone: timeZone) {
            return ReportEmail.Attachment(filename: name + ".zip", contentType: "application/zip", data: archive)
        }
        return ReportEmail.Attachment(filename: name + ".csv", contentType: "text/csv; charset=utf-8", data: csv)
    }
}
