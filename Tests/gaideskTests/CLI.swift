import Foundation
import ProcessTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `gaidesk` binary as a user would (see `ChildProcess`).
struct CLI {
  /// What a run printed and how it ended.
  struct Result {
    let status: Int32
    let out: String
    let err: String
  }

  let data: String
  let scratch: String

  /// A CLI bound to a fresh data directory.
  init() {
    let base = TemporaryFolder.make("cli")
    data = base + "/data"
    scratch = base
  }

  /// A CLI bound to data directory `data`, keeping its output and device marks in `scratch`.
  init(data: String, scratch: String) {
    self.data = data
    self.scratch = scratch
  }

  /// The `gaidesk` binary next to the test bundle.
  static let binary: String = {
    guard let path = ChildProcess.builtProduct("gaidesk") else {
      fatalError("gaidesk binary not found near \(CommandLine.arguments[0])")
    }
    return path
  }()

  /// The environment of every run: this data directory, a test passphrase and staff, UTF-8, and a clock pinned
  /// to ``TestOffice/morning`` (what a test writes today is read back today, whenever it runs; a run under
  /// libfaketime, e.g. `scripts/midnight-check`, fakes the clock this pin is counted from, for the program too).
  var environment: [String: String] {
    [
      "GAIDESK_DATA": data, "GAIDESK_PASSPHRASE": TestOffice.passphrase, "GAIDESK_STAFF": "Ana Tavares",
      "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": scratch,
    ].merging(CLI.fakedClock) { $1 }.merging(TestOffice.morningClock) { $1 }
  }

  /// The variables of libfaketime (`LD_PRELOAD`, `FAKETIME…`) when the tests run under it, else none.
  static let fakedClock: [String: String] = ProcessInfo.processInfo.environment.filter { key, value in
    key.hasPrefix("FAKETIME") || (key == "LD_PRELOAD" && value.contains("faketime"))
  }

  /// Runs `gaidesk ARGS` and waits for it.
  @discardableResult
  func run(_ arguments: [String], environment extra: [String: String] = [:]) -> Result {
    let pid = spawn(
      [CLI.binary] + arguments, environment: environment.merging(extra) { $1 }, tag: UUID().uuidString)
    return wait(pid)
  }

  /// Runs an arbitrary program (e.g. `/bin/sh -c …`) in the background, leading its own process group.
  func spawn(_ argv: [String], environment: [String: String], tag: String) -> (
    pid: pid_t, out: String, err: String
  ) {
    let out = scratch + "/\(tag).out"
    let err = scratch + "/\(tag).err"
    do {
      let pid = try ChildProcess.start(
        argv, environment: environment, stdout: out, stderr: err, ownGroup: true)
      return (pid, out, err)
    } catch {
      fatalError("\(error)")
    }
  }

  /// Waits for a spawned process and collects its output.
  func wait(_ child: (pid: pid_t, out: String, err: String)) -> Result {
    let status = ChildProcess.wait(child.pid)
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return Result(
      status: ChildProcess.exitCode(status) ?? 128 + (ChildProcess.signal(status) ?? 0), out: read(child.out),
      err: read(child.err))
  }

  /// A local day (Cabo Verde, UTC−1) relative to the pinned today (``TestOffice/morningDay``), as YYYY-MM-DD.
  static func localDay(daysFromToday offset: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: -3600)
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: TestOffice.morning.addingTimeInterval(Double(offset) * 86400))
  }

  /// Creates the office (cheap scrypt parameters for tests).
  func initOffice() -> Result { run(["init", "--office", "praia", "--scrypt-log-n", "10"]) }

  /// The `"items"` of a `--json` list, checking its `"format"`.
  static func items(_ result: Result) throws -> [[String: Any]] {
    let document = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
    guard document?["format"] as? Int == 1, let items = document?["items"] as? [[String: Any]] else {
      throw CLIError.notAList(result.out)
    }
    return items
  }

  /// The JSON object printed by a `--json` run.
  static func object(_ result: Result) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] else {
      throw CLIError.notAList(result.out)
    }
    return object
  }

  /// The JSON error a `--json` run printed on stderr.
  static func error(_ result: Result) throws -> [String: Any] {
    let document = try JSONSerialization.jsonObject(with: Data(result.err.utf8)) as? [String: Any]
    guard document?["format"] as? Int == 1, let error = document?["error"] as? [String: Any] else {
      throw CLIError.notAList(result.err)
    }
    return error
  }
}

/// A run printed something other than the JSON expected.
enum CLIError: Error { case notAList(String) }
