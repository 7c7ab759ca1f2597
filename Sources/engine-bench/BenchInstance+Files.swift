import Foundation

extension BenchInstance {
    /// Binary layout, little-endian: "WBLI", u32 version 1, u64 seed, i32 n, m, E, R, F, then
    /// prefStart[n+1], prefs[E] (i32), eligible[n] (u8), capacity[m], reserved[m] (i32), hasRanking[m] (u8),
    /// rankStart[m+1], rankStudent[R], rankTier[R], infStudent[F], infPosition[F], infReason[F] (i32).
    func writeBinary(to path: String) throws {
        var d = Data()
        d.append(contentsOf: Array("WBLI".utf8))
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func arr<T>(_ a: [T]) { a.withUnsafeBytes { d.append(contentsOf: $0) } }
        u32(1)
        withUnsafeBytes(of: seed.littleEndian) { d.append(contentsOf: $0) }
        for v in [n, m, prefs.count, rankStudent.count, infStudent.count] { u32(UInt32(v)) }
        arr(prefStart); arr(prefs); arr(eligible); arr(capacity); arr(reserved); arr(hasRanking)
        arr(rankStart); arr(rankStudent); arr(rankTier); arr(infStudent); arr(infPosition); arr(infReason)
        try d.write(to: URL(fileURLWithPath: path))
    }

    static func readBinary(from path: String) throws -> BenchInstance {
        let d = try Data(contentsOf: URL(fileURLWithPath: path))
        var at = 0
        func u32() -> Int {
            defer { at += 4 }
            return Int(d.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) })
        }
        func arr<T>(_ count: Int, _: T.Type) -> [T] {
            let size = count * MemoryLayout<T>.stride
            defer { at += size }
            return [T](unsafeUninitializedCapacity: count) { buf, n in
                d.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<at + size]))
                }
                n = count
            }
        }
        guard d.count >= 36, String(decoding: d[0..<4], as: UTF8.self) == "WBLI" else { throw BenchError("\(path): not a WBLI file") }
        at = 4
        guard u32() == 1 else { throw BenchError("\(path): unknown version") }
        var b = BenchInstance()
        b.seed = d.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        at += 8
        let n = u32(), m = u32(), e = u32(), r = u32(), f = u32()
        b.prefStart = arr(n + 1, Int32.self); b.prefs = arr(e, Int32.self); b.eligible = arr(n, UInt8.self)
        b.capacity = arr(m, Int32.self); b.reserved = arr(m, Int32.self); b.hasRanking = arr(m, UInt8.self)
        b.rankStart = arr(m + 1, Int32.self); b.rankStudent = arr(r, Int32.self); b.rankTier = arr(r, Int32.self)
        b.infStudent = arr(f, Int32.self); b.infPosition = arr(f, Int32.self); b.infReason = arr(f, Int32.self)
        return b
    }

    /// The same instance in the `wblmatch solve` JSON format. Ids are zero-padded (`s0000042`, `p000007`)
    /// so that sorting them by bytes keeps index order, the lottery's canonical order.
    func writeJSON(to path: String) throws {
        let sw = max(7, String(n).count), pw = max(6, String(m).count)
        func sid(_ s: Int32) -> String { "s" + String(repeating: "0", count: sw - String(s).count) + String(s) }
        func pid(_ p: Int32) -> String { "p" + String(repeating: "0", count: pw - String(p).count) + String(p) }
        var out = "{\"seed\": \(seed),\n\"students\": [\n"
        out.reserveCapacity(n * 150)
        for s in 0..<n {
            out += "{\"id\": \"\(sid(Int32(s)))\", \"preferences\": ["
            out += prefs[Int(prefStart[s])..<Int(prefStart[s + 1])].map { "\"\(pid($0))\"" }.joined(separator: ", ")
            out += eligible[s] != 0 ? "], \"reserve_eligible\": true}" : "]}"
            out += s + 1 < n ? ",\n" : "\n"
        }
        out += "],\n\"positions\": [\n"
        for p in 0..<m {
            out += "{\"id\": \"\(pid(Int32(p)))\", \"capacity\": \(capacity[p]), \"reserved\": \(reserved[p])"
            if hasRanking[p] != 0 {
                var tiers: [[Int32]] = []
                var lastTier: Int32 = 0
                for k in Int(rankStart[p])..<Int(rankStart[p + 1]) {
                    // Tier numbers in the file may skip (1, 3): the JSON form renumbers them 1, 2, … in order,
                    // which orders applicants the same way.
                    if rankTier[k] != lastTier { tiers.append([]); lastTier = rankTier[k] }
                    tiers[tiers.count - 1].append(rankStudent[k])
                }
                out += ", \"ranking\": [" + tiers.map { "[" + $0.map { "\"\(sid($0))\"" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            }
            out += p + 1 < m ? "},\n" : "}\n"
        }
        out += "],\n\"infeasible\": [\n"
        for i in infStudent.indices {
            out += "{\"student\": \"\(sid(infStudent[i]))\", \"position\": \"\(pid(infPosition[i]))\", \"reasons\": [\"\(Self.reasons[Int(infReason[i])])\"]}"
            out += i + 1 < infStudent.count ? ",\n" : "\n"
        }
        out += "]}\n"
        try Data(out.utf8).write(to: URL(fileURLWithPath: path))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
