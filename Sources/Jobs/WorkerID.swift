import Foundation

/// Names a worker process in `jobs.locked_by`: `host:pid:random`, so operators can find it and two
/// processes never share a name.
public enum WorkerID {
    public static func make() -> String {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(host):\(pid):\(suffix)"
    }
}
