import CCrypto

/// SHA-256 (FIPS 180-4), incremental: migration checksums, and the digest of a run's inputs computed
/// while the snapshot streams in without keeping a second copy of it. OpenSSL's libcrypto does the
/// work (with the CPU's SHA instructions where it has them: a run digests tens of megabytes).
public struct SHA256: Sendable {
    private var context = SHA256_CTX()

    /// An empty digest.
    public init() {
        SHA256_Init(&context)
    }

    /// The digest of `message` as 64 lowercase hex digits.
    public static func hex(_ message: [UInt8]) -> String {
        var digest = SHA256()
        digest.update(message)
        return digest.finalizeHex()
    }

    /// Adds bytes to the message.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) != nil { return }
        update(Array(bytes))
    }

    /// Adds bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// Adds a string's UTF-8 bytes to the message.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of a string's UTF-8 bytes (32 bytes).
    public static func digest(_ string: String) -> [UInt8] {
        var digest = SHA256()
        digest.update(string)
        return digest.finalize()
    }

    /// Ends the message and returns its digest (32 bytes).
    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        SHA256_Final(&digest, &context)
        return digest
    }

    /// Ends the message and returns its digest as 64 lowercase hex digits.
    public mutating func finalizeHex() -> String {
        let digest = finalize()
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
