import ArgumentParser
import CProcessSafety
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
    // A core file would hold the passphrase, the keys and whatever personal data was in memory.
    _ = gd_disable_core_dumps()
    do {
      var command = try parseAsRoot()
      try command.run()
      if !Console.damage.isEmpty { Foundation.exit(ExitStatus.damaged) }
    } catch let error as GAIDeskError {
      Console.fail(Console.text(error.key, error.args))
    } catch let failure as FileIO.Failure {
      Console.fail(
        Console.text(
          failure.isDiskFull ? "error.disk.full" : "error.disk.io", [failure.path, failure.reason]))
    } catch {
      // The parser's messages quote the arguments: escape their control characters (ESC [ 2 J…).
      let code = exitCode(for: error)
      let message = TextEscaping.escaped(fullMessage(for: error), keepingNewlines: true)
      if code == .success {
        print(message)
      } else {
        FileHandle.standardError.write(Data((message + "\n").utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}
