import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk` with no subcommand: the full-screen terminal interface.
struct Interface: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: Help.t("Open the terminal interface (the default when no subcommand is given)."))

  @Option(
    name: .long,
    help: Help.t("The office data directory (default: $GAIDESK_DATA, else $XDG_DATA_HOME/gaidesk)."))
  var data: String?

  @Option(name: .long, help: Help.t("Language of the interface: pt, en or fr."))
  var lang: String?

  func run() throws {
    try TerminalSession.run(paths: OfficePaths.resolve(explicit: data))
  }
}
