import Foundation

/// A cron schedule: at each tick of `cron` in `timeZone`, one job of `kind` is enqueued, however
/// many schedulers run. See `JobScheduler` for catch-up after downtime.
public struct JobSchedule: Sendable {
    /// Unique name (the row in `job_schedules`).
    public var name: String
    public var cron: CronExpression
    public var timeZone: TimeZone
    public var kind: String
    public var argsJSON: String
    public var queue: String
    public var priority: Int

    /// - Throws: `JobsError` naming the schedule when the cron expression or the zone is not valid.
    public init(name: String, cron: String, timeZone: String = "America/Denver", kind: String,
                args: some Encodable & Sendable = [String: String](), queue: String = "default",
                priority: Int = 2) throws {
        guard !name.isEmpty else { throw JobsError(.invalidArgument, "a schedule needs a name") }
        do { self.cron = try CronExpression(cron) } catch {
            throw JobsError(.invalidArgument, "schedule \(name): \(error)")
        }
        guard let zone = TimeZone(identifier: timeZone) else {
            throw JobsError(.invalidArgument, "schedule \(name): \"\(timeZone)\" is not an IANA time zone (e.g. America/Denver)")
        }
        guard (1...4).contains(priority) else {
            throw JobsError(.invalidArgument, "schedule \(name): priority \(priority) is not in 1–4")
        }
        self.name = name
        self.timeZone = zone
        self.kind = kind
        self.argsJSON = String(decoding: try JSONEncoder.jobs.encode(args), as: UTF8.self)
        self.queue = queue
        self.priority = priority
    }
}

/// The metadata of a job a schedule enqueued (`job.metadata(as: ScheduledRun.self)`).
public struct ScheduledRun: Codable, Sendable, Equatable {
    /// The schedule's name.
    public var schedule: String
    /// The tick this job stands for.
    public var scheduledFor: Date
    /// Earlier ticks that passed while no scheduler ran; this one run stands in for them (at most
    /// the first 100 are listed).
    public var missed: [Date]
    /// How many ticks were missed in all.
    public var missedCount: Int
}
