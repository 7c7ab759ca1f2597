import ArgumentParser

/// `wblmatch sample`: Write a realistic Region I sample data set as CSV files.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", abstract: "Write a realistic Region I sample data set as CSV files.")

    func run() async throws {
        throw ValidationError("wblmatch sample is not built yet")
    }
}
