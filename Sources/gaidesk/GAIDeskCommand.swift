import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk`: the front desk of a GAI office. Without a subcommand it opens the terminal interface.
@main
struct GAIDeskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaidesk",
    abstract: "GAIDesk: front desk, queue and referrals for Cabo Verde's immigrant support offices (GAI).",
    discussion: """
      Without a subcommand, opens the terminal interface. Data lives in --data DIR, else $GAIDESK_DATA, else \
      $XDG_DATA_HOME/gaidesk (~/.local/share/gaidesk). The passphrase comes from --passphrase-file, \
      $GAIDESK_PASSPHRASE or a prompt.
      """,
    version: GAIDeskVersion.string,
    subcommands: [
      Interface.self, Init.self, VisitorCommand.self, QueueCommand.self, ReferralCommand.self,
      FollowUpCommand.self, PartnerCommand.self, TopicCommand.self, DayCommand.self, ReportCommand.self,
      Verify.self,
      Demo.self, BundleCommand.self, BackupCommand.self, RestoreCommand.self,
    ],
    defaultSubcommand: Interface.self
  )

  /// Runs the command, turning every failure into one translated line on stderr and a non-zero exit.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as GAIDeskError {
      Console.fail(Console.text(error.key, error.args))
    } catch let failure as FileIO.Failure {
      Console.fail(
        Console.text(
          failure.isDiskFull ? "error.disk.full" : "error.disk.io", [failure.path, failure.reason]))
    } catch {
      exit(withError: error)
    }
  }
}
