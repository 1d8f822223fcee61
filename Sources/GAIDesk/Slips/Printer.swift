import Foundation

/// Where a printed page went.
public enum PrintOutcome: Equatable, Sendable {
  /// Sent to this printer.
  case printed(printer: String)
  /// No printer: saved as this file.
  case saved(path: String)
}

/// The system printer, through CUPS's `lpstat` and `lp` (used by `gaidesk referral slip --print` and the
/// terminal interface).
public enum Printer {
  /// The default destination, or nil when none is configured (or CUPS is not installed).
  public static func defaultPrinter(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String?
  {
    guard let output = run("lpstat", ["-d"], input: nil, environment: environment), output.status == 0 else {
      return nil
    }
    // "system default destination: NAME" (other locales use other words, but the name comes after a colon).
    guard let line = output.text.split(separator: "\n").first, let colon = line.lastIndex(of: ":") else {
      return nil
    }
    let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return name.isEmpty || name.contains(" ") ? nil : name
  }

  /// Sends `text` to `printer` with `lp`; a refusal carries `lp`'s own words.
  public static func send(
    _ text: String, to printer: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    guard let output = run("lp", ["-d", printer], input: text, environment: environment) else {
      throw GAIDeskError(.printFailed, printer, "lp")
    }
    guard output.status == 0 else {
      let said = TextEscaping.oneLine(output.errors.trimmingCharacters(in: .whitespacesAndNewlines))
      throw GAIDeskError(.printFailed, printer, said.isEmpty ? "lp \(output.status)" : said)
    }
  }

  /// Sends `text` to the default printer and returns its name; `error.print.none` when there is none.
  @discardableResult
  public static func printOnDefault(_ text: String) throws -> String {
    guard let printer = defaultPrinter() else { throw GAIDeskError(.printNone) }
    try send(text, to: printer)
    return printer
  }

  /// Prints `page` on the default printer; when there is none, saves `withoutNames` (the same page with no
  /// person's name: nothing personal is left on disk in clear) as `folder/fileName` and says where.
  /// `environment` is the user's (only its printing setup reaches `lp`).
  public static func printOrSave(
    _ page: PrintedPage, withoutNames: PrintedPage, fileName: String, folder: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> PrintOutcome {
    if let printer = defaultPrinter(environment: environment) {
      try send(page.text, to: printer, environment: environment)
      return .printed(printer: printer)
    }
    guard !withoutNames.holdsNames else { throw GAIDeskError(.printNone) }
    let path = folder + "/" + fileName
    try FileIO.writeAtomically(Array(withoutNames.text.utf8), to: path)
    return .saved(path: path)
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

  /// Runs `tool` found in `directories` with `arguments` and the minimal environment: its status, standard
  /// output and standard error; nil when it is not there.
  static func run(
    _ tool: String, _ arguments: [String], input: String?, directories: [String] = systemDirectories,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> (status: Int32, text: String, errors: String)? {
    guard
      let program = directories.map({ $0 + "/" + tool }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = childEnvironment(from: environment)
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    do { try process.run() } catch { return nil }
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()  // a few lines at most: no pipe fills up
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: data, as: UTF8.self),
      String(decoding: errors, as: UTF8.self)
    )
  }
}
