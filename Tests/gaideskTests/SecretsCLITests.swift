import Foundation
import ProcessTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Secrets stay in the process: no core dumps, no environment handed to the printing tools.
@Suite struct SecretsCLITests {
  @Test func gaideskNeverDumpsCore() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    // The child would inherit a core limit: raise ours to the hard limit so that only gaidesk can lower it.
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    limit.rlim_cur = limit.rlim_max
    setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    // Blocked on the journal's lock (held here) with the office unlocked: keys and names in memory.
    let journal = cli.data + "/journal"
    let origin = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).first)
    let lock = open(journal + "/" + origin + "/lock", O_RDWR | O_CREAT, 0o600)
    #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
    defer { close(lock) }
    let pid = try ChildProcess.start(
      [CLI.binary, "visitor", "add", "--name", "Awa Ndiaye"], environment: cli.environment,
      stdout: cli.scratch + "/out", stderr: cli.scratch + "/err")
    var coreLimit = ""
    for _ in 0..<100 {
      let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
      coreLimit =
        limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? ""
      if coreLimit.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first == "0" { break }
      usleep(50_000)
    }
    #expect(
      coreLimit.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first == "0",
      "\(coreLimit)")
    // SIGXCPU dumps core by default and, unlike SIGQUIT, is not caught by Swift's crash backtracer.
    kill(pid, SIGXCPU)
    let status = ChildProcess.wait(pid)
    #expect(ChildProcess.signal(status) == SIGXCPU)
    #expect(status & 0x80 == 0, "the kernel reports a core dump")
    for name in ["core", "core.\(pid)"] {
      let path = FileManager.default.currentDirectoryPath + "/" + name
      #expect(!FileManager.default.fileExists(atPath: path))
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  @Test func aFakeLpEarlierInPathNeverRunsNorSeesThePassphrase() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    let add = cli.run(["visitor", "add", "--name", "Awa Ndiaye", "--consent-share", "yes"])
    let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
    let referral = cli.run([
      "referral", "add", "--visitor", id, "--partner", "def", "--topic", "residence.renewal",
    ])
    #expect(referral.status == 0, "\(referral.err)")
    let rid = referral.out.trimmingCharacters(in: .whitespacesAndNewlines)
    let fake = cli.scratch + "/fake-bin"
    try FileManager.default.createDirectory(atPath: fake, withIntermediateDirectories: true)
    for tool in ["lp", "lpstat"] {
      let script =
        "#!/bin/sh\nenv > '\(cli.scratch)/\(tool)-ran'\ncat > /dev/null\necho 'system default destination: fake'\n"
      try script.write(toFile: fake + "/" + tool, atomically: true, encoding: .utf8)
      chmod(fake + "/" + tool, 0o700)
    }
    let slip = cli.run(
      ["referral", "slip", rid, "--print"], environment: ["PATH": fake + ":" + cli.environment["PATH"]!])
    #expect(slip.status == 0 || slip.err.contains("gaidesk: "), "\(slip.err)")
    for tool in ["lp", "lpstat"] {
      #expect(!FileManager.default.fileExists(atPath: cli.scratch + "/\(tool)-ran"), "the fake \(tool) ran")
    }
  }
}
