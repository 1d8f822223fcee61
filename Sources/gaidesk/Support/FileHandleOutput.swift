import Foundation

/// Warnings that go to stderr without stopping the command.
enum FileHandleOutput {
  /// Prints a warning line on stderr.
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data(("gaidesk: " + Console.line(message) + "\n").utf8))
  }
}
