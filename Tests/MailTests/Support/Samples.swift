import Foundation
@testable import Mail

enum Samples {
    static let from = EmailAddress("wblmatch@region1.example", name: "WBLMatch — Región I")

    /// CSV bytes with UTF-8, a formula-looking cell, CRLF and a NUL: all must arrive unchanged.
    static let csv: [UInt8] = Array("student,slot,school\r\nPeña Ana,Clovis Welding 1,Clovis High\r\n\"O'Brien, Seán\",'=SUM(A1),Portales\r\n".utf8) + [0, 255, 10]

    static func email(tag: String = UUID().uuidString) -> OutgoingEmail {
        OutgoingEmail(
            from: from,
            to: [EmailAddress("ana.pena@clovis.example", name: "Ana Peña"),
                 EmailAddress("coord@region1.example", name: "Coordinator, Region \"I\"")],
            cc: [EmailAddress("counselor@portales.example")],
            bcc: [EmailAddress("archive@region1.example")],
            subject: "Nightly match run \(tag) — 97 % placed, señor Núñez’s school ✓ with a subject long enough to need folding",
            text: "Hola Ana Peña,\n.a line starting with a dot\nFrom the start of a line\ntrailing space \nlong: \(String(repeating: "ñ", count: 100))\n=_ not a boundary\n",
            html: "<p>Hola <b>Ana Peña</b> — <a href=\"https://wbl.example/runs/1\">run</a></p>\n",
            attachments: [Attachment(filename: "asignaciones-Peña.csv", contentType: "text/csv; charset=utf-8", data: csv),
                          Attachment(filename: "plain.bin", contentType: "application/octet-stream", data: (0..<600).map { UInt8($0 % 256) })])
    }

    static let renderer = MessageRenderer(defaultFrom: from, timeZone: TimeZone(identifier: "America/Denver")!)
}
