import Foundation
import PackagePlugin

/// Turns the package's `sql/NNNN_name.sql` files into a Swift source (`EmbeddedMigrations.all`),
/// so the binary carries its schema and works from any directory.
///
/// Each file is an input of the command, so editing one regenerates the source. SwiftPM calls the
/// plugin again only when a target's directory changes, so `Sources/Migrations/sql` is a symlink to
/// `../../sql` (excluded from the target's sources): adding or removing a file there re-plans the build.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "sql")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let files = names.filter { $0.hasSuffix(".sql") }.sorted().map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations+all.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) SQL migrations from sql/",
                executable: try context.tool(named: "EmbedSQLTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]),
        ]
    }
}
