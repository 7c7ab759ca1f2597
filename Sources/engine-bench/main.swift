// engine-bench: generates benchmark instances and times the engine on them (used by scripts/bench.d/engine).
//   engine-bench generate STUDENTS POSITIONS CHOICES SEED RESERVES(0|1) OUT   writes OUT.bin and OUT.json
//   engine-bench solve FILE.bin [ASSIGNMENT_OUT]                            prints figures as key=value
import Foundation
import MatchingEngine

func maxRSSKiB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let args = CommandLine.arguments
do {
    switch args.count > 1 ? args[1] : "" {
    case "generate" where args.count == 8:
        let b = BenchInstance.generate(students: Int(args[2])!, positions: Int(args[3])!, choices: Int(args[4])!,
                                       seed: UInt64(args[5])!, reserves: args[6] == "1")
        try b.writeBinary(to: args[7] + ".bin")
        try b.writeJSON(to: args[7] + ".json")
    case "solve" where args.count >= 3:
        let clock = ContinuousClock()
        let b = try BenchInstance.readBinary(from: args[2])
        let t0 = clock.now
        let instance = try b.instance()
        let t1 = clock.now
        let solution = solve(instance)
        let t2 = clock.now
        var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
        for p in solution.assignment { checksum = (checksum ^ UInt64(UInt32(bitPattern: p))) &* 0x0000_0100_0000_01b3 }
        print("validate_seconds=\(String(format: "%.3f", seconds(t1 - t0)))")
        print("build_solve_seconds=\(String(format: "%.3f", seconds(t2 - t1)))")
        print("proposals=\(solution.proposals)")
        print("matched=\(solution.matchedCount)")
        print("checksum=\(String(checksum, radix: 16))")
        print("max_rss_kib=\(maxRSSKiB())")
        let t3 = clock.now
        let verified = solution.verify().isStable
        print("verify_seconds=\(String(format: "%.3f", seconds(clock.now - t3)))")
        print("verified=\(verified)")
    default:
        FileHandle.standardError.write(Data("usage: engine-bench generate STUDENTS POSITIONS CHOICES SEED RESERVES OUT | solve FILE.bin\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("engine-bench: \(error)\n".utf8))
    exit(1)
}
