import ArgumentParser
import Foundation
import GAIDesk

/// Turns whatever ended a command into one translated line (or one JSON object) on stderr and its exit status.
enum Failure {
  /// Whether errors go out as JSON (`--json` anywhere on the command line).
  nonisolated(unsafe) static var json = false

  /// The typed error for any failure a command can throw.
  static func typed(_ error: any Error) -> GAIDeskError? {
    switch error {
    case let error as GAIDeskError: return error
    case let failure as FileIO.Failure:
      if failure.operation == "lock" { return GAIDeskError(.officeBusy, failure.path, failure.reason) }
      return GAIDeskError(failure.isDiskFull ? .diskFull : .diskIO, failure.path, failure.reason)
    default: return nil
    }
  }

  /// Prints `error` on stderr and exits with its status.
  static func exit(_ error: GAIDeskError) -> Never {
    // The arguments come from the user: control characters escaped (ESC [ 2 J must not clear the screen).
    let message = Console.text(error.key, error.args.map(Console.line))
    // What the command already printed comes first when both streams go to one file or pipe.
    if let out = standardOutput() { fflush(out) }
    if json {
      let object: [String: Any] = [
        "format": Console.jsonFormat,
        "error": [
          "code": String(error.key.dropFirst("error.".count)), "status": Int(error.status.rawValue),
          "kind": error.status.word, "message": message,
        ],
      ]
      let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
      FileHandle.standardError.write(data + Data("\n".utf8))
    } else {
      FileHandle.standardError.write(Data(("gaidesk: " + message + "\n").utf8))
    }
    Failure.finish(error.status)
  }

  /// Flushes standard output and exits with `status`; a failed flush is a write failure.
  static func finish(_ status: ExitStatus) -> Never {
    if let out = standardOutput(), fflush(out) != 0 || ferror(out) != 0 {
      let reason = String(cString: strerror(errno == 0 ? EIO : errno))
      clearerr(out)
      guard status == .success else { Foundation.exit(status.rawValue) }
      Failure.exit(GAIDeskError(.stdoutWrite, reason))
    }
    Foundation.exit(status.rawValue)
  }

  /// C's `stdout`, which `print` writes to (looked up by symbol: Swift 6 refuses to read the global directly).
  static func standardOutput() -> UnsafeMutablePointer<FILE>? {
    dlsym(nil, "stdout")?.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
  }
}
