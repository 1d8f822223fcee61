import Foundation
import GAIDesk

/// Starts the terminal interface (filled in by the GAIDeskApp layer).
enum TerminalSession {
  static func run(paths: OfficePaths) throws {
    throw GAIDeskError("error.ui.unavailable")
  }
}
