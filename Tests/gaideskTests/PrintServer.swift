import Foundation
import ProcessTestSupport

/// A private CUPS scheduler (Debian's `cupsd`, on a Unix socket in a scratch folder, no network) with one
/// printer whose backend writes each job to a folder: the real `lp` talks to it through `CUPS_SERVER`.
final class PrintServer {
  /// The scratch folder: configuration, spool, logs, and `out/` with one file per printed job.
  let folder: String
  /// The scheduler's socket: the value of `CUPS_SERVER` for clients.
  var socket: String { folder + "/cups.sock" }
  /// The printer's name.
  let printer = "gaidesk-test"
  private var pid: pid_t = 0

  /// Why the server cannot run here (no `cupsd`, not root), or nil.
  static var unavailable: String? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/cupsd") else {
      return "CUPS is missing: apt-get install -y cups-daemon cups-client (.ci/run installs it)"
    }
    return geteuid() == 0 ? nil : "the print tests start their own cupsd, which needs root"
  }

  /// Starts the scheduler and adds the printer as the default destination.
  init() throws {
    folder = NSTemporaryDirectory() + "gaidesk-cups-" + UUID().uuidString.prefix(8)
    let manager = FileManager.default
    for sub in ["spool", "cache", "state", "logs", "out", "bin/backend"] {
      try manager.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
    }
    // cupsd runs filters and backends as `lp`: they must reach the spool and write to out/.
    for path in [folder, folder + "/out"] { chmod(path, 0o777) }
    for tool in try manager.contentsOfDirectory(atPath: "/usr/lib/cups") where tool != "backend" {
      try manager.createSymbolicLink(
        atPath: folder + "/bin/" + tool, withDestinationPath: "/usr/lib/cups/" + tool)
    }
    let backend = folder + "/bin/backend/capture"
    try """
    #!/bin/sh
    # capture: writes each job to the folder named by DEVICE_URI (capture:/folder).
    [ $# -eq 0 ] && { echo 'direct capture "Unknown" "Capture to a folder"'; exit 0; }
    folder=${DEVICE_URI#capture:}
    if [ -n "$6" ]; then cat "$6"; else cat; fi > "$folder/job-$1.part" && mv "$folder/job-$1.part" "$folder/job-$1.txt"
    """.write(toFile: backend, atomically: true, encoding: .utf8)
    chmod(backend, 0o755)
    try """
    Listen \(folder)/cups.sock
    LogLevel warn
    WebInterface No
    Browsing No
    DefaultAuthType None
    <Location />
      Order allow,deny
      Allow all
    </Location>
    """.write(toFile: folder + "/cupsd.conf", atomically: true, encoding: .utf8)
    try """
    ServerRoot \(folder)
    RequestRoot \(folder)/spool
    CacheDir \(folder)/cache
    StateDir \(folder)/state
    TempDir \(folder)/spool
    AccessLog \(folder)/logs/access_log
    ErrorLog \(folder)/logs/error_log
    PageLog \(folder)/logs/page_log
    ServerBin \(folder)/bin
    DataDir /usr/share/cups
    User lp
    Group lp
    """.write(toFile: folder + "/cups-files.conf", atomically: true, encoding: .utf8)
    pid = try ChildProcess.start(
      ["/usr/sbin/cupsd", "-f", "-c", folder + "/cupsd.conf", "-s", folder + "/cups-files.conf"],
      environment: ["PATH": "/usr/sbin:/usr/bin:/bin"], stdout: folder + "/logs/stdout",
      stderr: folder + "/logs/stderr", ownGroup: true)
    try waitUntil("the scheduler's socket") { manager.fileExists(atPath: self.socket) }
    try admin(["/usr/sbin/lpadmin", "-p", printer, "-E", "-v", "capture:" + folder + "/out", "-m", "raw"])
    try admin(["/usr/sbin/lpadmin", "-d", printer])
  }

  deinit { stop() }

  /// Stops the scheduler and removes the folder.
  func stop() {
    guard pid != 0 else { return }
    kill(-pid, SIGTERM)
    _ = ChildProcess.wait(pid)
    pid = 0
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Runs a CUPS administration command against this scheduler.
  func admin(_ argv: [String]) throws {
    let log = folder + "/logs/admin"
    let child = try ChildProcess.start(
      argv, environment: ["CUPS_SERVER": socket, "PATH": "/usr/sbin:/usr/bin:/bin"], stdout: log, stderr: log)
    guard ChildProcess.exitCode(ChildProcess.wait(child)) == 0 else {
      throw Failure(
        "\(argv.joined(separator: " ")): " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
    }
  }

  /// The printed jobs so far, oldest first, once `count` of them have arrived (nil after 10 s).
  func jobs(count: Int) -> [String]? {
    var found: [String] = []
    let done =
      (try? waitUntil("\(count) printed jobs") {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: self.folder + "/out")) ?? [])
          .filter { $0.hasSuffix(".txt") }
        found = names.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        return found.count >= count
      }) != nil
    guard done else { return nil }
    return found.compactMap { try? String(contentsOfFile: folder + "/out/" + $0, encoding: .utf8) }
  }

  private func waitUntil(_ what: String, _ condition: () -> Bool) throws {
    for _ in 0..<200 {
      if condition() { return }
      usleep(50_000)
    }
    throw Failure(
      "no \(what) after 10 s; cupsd said: "
        + ((try? String(contentsOfFile: folder + "/logs/error_log", encoding: .utf8)) ?? ""))
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
