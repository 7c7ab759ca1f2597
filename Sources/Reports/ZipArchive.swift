import CZlib
import Foundation

/// A ZIP archive holding one file, deflated: how a large CSV travels by email.
///
/// A run of 100,000 students makes a 12 MB assignments CSV, 17 MB once base64-encoded in a
/// message: more than many school districts' mail servers accept (10 MB is a common limit). A CSV
/// deflates about six to one, and every desktop opens a ZIP archive without extra software.
enum ZipArchive {
    /// The archive of `contents` stored as `name`, dated `modified` (wall-clock time in `timeZone`,
    /// as ZIP keeps it). Nil when it cannot be written (a file of 4 GiB or more needs ZIP64).
    static func single(name: String, contents: [UInt8], modified: Date, timeZone: TimeZone) -> [UInt8]? {
        guard contents.count < Int(UInt32.max), let deflated = deflate(contents) else { return nil }
        let crc = contents.withUnsafeBufferPointer { UInt32(crc32_z(0, $0.baseAddress, $0.count)) }
        let (time, date) = dosTimeAndDate(modified, timeZone)
        let fileName = Array(name.utf8)

        var out: [UInt8] = []
        out.reserveCapacity(deflated.count + 2 * fileName.count + 128)
        func u16(_ v: UInt16) { out.append(UInt8(v & 0xff)); out.append(UInt8(v >> 8)) }
        func u32(_ v: UInt32) { u16(UInt16(v & 0xffff)); u16(UInt16(v >> 16)) }
        // The fields a local header and the central directory share, from "version needed" on.
        func common() {
            u16(20)             // version needed to extract: 2.0 (deflate)
            u16(0x0800)         // flags: the name is UTF-8
            u16(8)              // method: deflate
            u16(time); u16(date)
            u32(crc); u32(UInt32(deflated.count)); u32(UInt32(contents.count))
            u16(UInt16(fileName.count))
            u16(0)              // extra field length
        }

        u32(0x0403_4b50)        // local file header
        common()
        out += fileName
        out += deflated

        let directoryOffset = UInt32(out.count)
        u32(0x0201_4b50)        // central directory header
        u16(20)                 // version made by
        common()
        u16(0); u16(0); u16(0)  // comment length, disk number, internal attributes
        u32(0)                  // external attributes
        u32(0)                  // offset of the local header
        out += fileName
        let directorySize = UInt32(out.count) - directoryOffset

        u32(0x0605_4b50)        // end of central directory
        u16(0); u16(0)          // this disk, the directory's disk
        u16(1); u16(1)          // entries here, entries in all
        u32(directorySize); u32(directoryOffset)
        u16(0)                  // comment length
        return out
    }

    /// Raw deflate (no zlib header), at level 1: six to one on a CSV, several times faster than the default level.
    private static func deflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// MS-DOS time (2-second resolution) and date, as ZIP headers keep them.
    private static func dosTimeAndDate(_ date: Date, _ zone: TimeZone) -> (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(0, min(127, (c.year ?? 1980) - 1980))
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16(year << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        return (time, day)
    }
}
