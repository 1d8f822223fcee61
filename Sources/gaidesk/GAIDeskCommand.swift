import ArgumentParser
import CProcessSafety
import Foundation
import GAIDesk

/// `gaidesk`: the front desk of a GAI office. Without a subcommand it opens the terminal interface.
@main
struct GAIDeskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaidesk",
    abstract: Help.t(
      "GAIDesk: front desk, queue and referrals for Cabo Verde's immigrant support offices (GAI)."),
    discussion: Help.examples("root", after: "help.root.discussion"),
    version: Console.text("version.line", [GAIDeskVersion.string, String(SegmentFormat.version)]),
    subcommands: [
      Interface.self, Init.self, VisitorCommand.self, QueueCommand.self, ReferralCommand.self,
      FollowUpCommand.self, PartnerCommand.self, TopicCommand.self, DayCommand.self, ReportCommand.self,
      Verify.self, StaffCommand.self, PassphraseCommand.self, SettingsCommand.self,
      Demo.self, BundleCommand.self, BackupCommand.self, RestoreCommand.self, ForkCommand.self, Manual.self,
    ],
    defaultSubcommand: Interface.self
  )

  /// Runs the command; every failure becomes one translated line on stderr and its exit status.
  static func main() {
    // A core file would hold the passphrase, the keys and whatever personal data was in memory.
    _ = gd_disable_core_dumps()
    let arguments: CommandLineArguments
    do {
      arguments = try CommandLineArguments(
        Array(CommandLine.arguments.dropFirst()), root: GAIDeskCommand.self)
    } catch let error as GAIDeskError {
      Failure.exit(error)
    } catch {
      Failure.exit(GAIDeskError(.usage, "gaidesk", ParserWords.translateError("\(error)")))
    }
    do {
      var command = try parseAsRoot(arguments.parsed)
      try command.run()
      // Figures read from a damaged office are partial: the exit status says so.
      if !Console.damage.isEmpty { Failure.finish(.damaged) }
    } catch let code as ExitCode {
      Failure.finish(ExitStatus(rawValue: code.rawValue) ?? .refused)
    } catch {
      if let typed = Failure.typed(error) { Failure.exit(typed) }
      if exitCode(for: error) == .success {  // --help, help, --version
        print(ParserWords.translate(fullMessage(for: error)))
        Failure.finish(.success)
      }
      Failure.exit(
        GAIDeskError(.usage, arguments.commandPath, ParserWords.translateError(message(for: error))))
    }
    Failure.finish(.success)
  }
}
