import ArgumentParser

/// The `wblmatch` command line: it wires the modules together and has no logic of its own.
/// One file per subcommand.
@main
struct WBLMatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wblmatch",
        abstract: "Work-based-learning placements for the Region I CTE consortium.",
        subcommands: [
            MigrateCommand.self,
            SolveCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            SampleCommand.self,
            MatchCommand.self,
            WorkerCommand.self,
            JobsCommand.self,
            ServeCommand.self,
            UserCommand.self,
            AuditCommand.self,
            MailCommand.self,
        ]
    )
}
