import Foundation

/// The system printer, through CUPS's `lpstat` and `lp` (used by `gaidesk referral slip --print` and the
/// terminal interface).
public enum Printer {
  /// The default destination, or nil when none is configured (or CUPS is not installed).
  public static func defaultPrinter() -> String? {
    guard let output = run("lpstat", ["-d"], input: nil), output.status == 0 else { return nil }
    // "system default destination: NAME" (other locales use other words, but the name comes after a colon).
    guard let line = output.text.split(separator: "\n").first, let colon = line.lastIndex(of: ":") else {
      return nil
    }
    let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return name.isEmpty || name.contains(" ") ? nil : name
  }

  /// Sends `text` to `printer` with `lp`.
  public static func send(_ text: String, to printer: String) throws {
    guard let output = run("lp", ["-d", printer], input: text), output.status == 0 else {
      throw GAIDeskError("error.print.failed", printer)
    }
  }

  /// Sends `text` to the default printer and returns its name; `error.print.none` when there is none.
  @discardableResult
  public static func printOnDefault(_ text: String) throws -> String {
    guard let printer = defaultPrinter() else { throw GAIDeskError("error.print.none") }
    try send(text, to: printer)
    return printer
  }

  /// Where `lp` and `lpstat` are looked for: system directories only, never `$PATH` (a program placed earlier in
  /// PATH would receive the slip).
  static let systemDirectories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]

  /// The whole environment a child receives: no passphrase, no data folder, nothing inherited but the
  /// user's printing setup (HOME for ~/.cups, CUPS_SERVER).
  static func childEnvironment(from parent: [String: String]) -> [String: String] {
    var environment = ["PATH": systemDirectories.joined(separator: ":"), "LC_ALL": "C"]
    for name in ["HOME", "CUPS_SERVER"] { environment[name] = parent[name] }
    return environment
  }

  /// Runs `tool` found in `directories` with `arguments` and the minimal environment; nil when it is not there.
  static func run(
    _ tool: String, _ arguments: [String], input: String?, directories: [String] = systemDirectories
  ) -> (status: Int32, text: String)? {
    guard
      let program = directories.map({ $0 + "/" + tool }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = childEnvironment(from: ProcessInfo.processInfo.environment)
    let out = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = inPipe
    do { try process.run() } catch { return nil }
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
