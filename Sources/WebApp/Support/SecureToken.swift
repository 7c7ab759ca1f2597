/// Random tokens (CSRF tokens, API tokens) and constant-time comparison.
public enum SecureToken {
    /// A URL-safe random token of `bytes` random bytes (hex, 2 characters per byte).
    public static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        var out = ""
        out.reserveCapacity(bytes * 2)
        let digits = Array("0123456789abcdef")
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return out
    }

    /// Compares two strings in time that depends only on their lengths.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
