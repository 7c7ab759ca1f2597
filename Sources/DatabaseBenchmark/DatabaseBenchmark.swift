// The Database side of `scripts/bench db` (release build). Prints one line of figures per run:
//   DatabaseBenchmark copy URL FILE              COPY FILE into bench_copy through Connection.copyIn
//   DatabaseBenchmark select URL COUNT TASKS     COUNT single-row SELECTs on pgbench_accounts, TASKS at once, pool of TASKS
import Database
import Foundation

@main
struct DatabaseBenchmark {
    static func main() async throws {
        let args = CommandLine.arguments
        guard args.count >= 3 else {
            FileHandle.standardError.write(Data("usage: DatabaseBenchmark copy URL FILE | select URL COUNT TASKS\n".utf8))
            exit(2)
        }
        switch args[1] {
        case "copy": try await copy(url: args[2], file: args[3])
        case "select": try await select(url: args[2], count: Int(args[3])!, tasks: Int(args[4])!)
        default: fatalError("unknown benchmark \(args[1])")
        }
    }

    static func copy(url: String, file: String) async throws {
        let connection = try await Connection.connect(url: url)
        try await connection.execute("TRUNCATE bench_copy")
        guard let input = FileHandle(forReadingAtPath: file) else { fatalError("cannot read \(file)") }
        let clock = ContinuousClock()
        let start = clock.now
        let rows = try await connection.copyIn("COPY bench_copy FROM STDIN") { writer in
            while true {
                let data = input.readData(ofLength: 1 << 20)
                if data.isEmpty { break }
                try await writer.write([UInt8](data))
            }
        }
        let seconds = (clock.now - start).seconds
        print("copy rows=\(rows) seconds=\(String(format: "%.3f", seconds))")
        await connection.close()
    }

    static func select(url: String, count: Int, tasks: Int) async throws {
        let pool = DatabasePool(url: url, size: tasks)
        let accounts = try await pool.query("SELECT count(*) AS n FROM pgbench_accounts")[0].decode("n", as: Int.self)
        // Open every connection before timing, as pgbench reports its rate without connection time.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks { group.addTask { _ = try await pool.query("SELECT pg_sleep(0.01)") } }
            try await group.waitForAll()
        }
        let clock = ContinuousClock()
        let start = clock.now
        let perTask = count / tasks
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for t in 0..<tasks {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    var sum = 0
                    for _ in 0..<perTask {
                        let aid = Int.random(in: 1...accounts, using: &generator)
                        let rows = try await pool.query("SELECT abalance FROM pgbench_accounts WHERE aid = $1", [aid])
                        sum &+= try rows[0].decode("abalance", as: Int.self) &+ t
                    }
                    return perTask
                }
            }
            return try await group.reduce(0, +)
        }
        let seconds = (clock.now - start).seconds
        print("select queries=\(total) tasks=\(tasks) seconds=\(String(format: "%.3f", seconds)) rate=\(String(format: "%.0f", Double(total) / seconds))")
        await pool.close()
    }
}

