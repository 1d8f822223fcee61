import Foundation
import Testing

@testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// `lp` and `lpstat` are started from system directories with a minimal environment.
@Suite struct PrinterEnvironmentTests {
  @Test func theChildReceivesOnlyTheMinimalEnvironment() throws {
    let dir = TemporaryDirectory()
    let record = dir.path + "/environment"
    let tool = dir.path + "/lpstat"
    try "#!/bin/sh\nenv > '\(record)'\necho 'system default destination: desk'\n".write(
      toFile: tool, atomically: true, encoding: .utf8)
    chmod(tool, 0o700)
    setenv("GAIDESK_PASSPHRASE", "printer-test-secret", 1)
    defer { unsetenv("GAIDESK_PASSPHRASE") }
    let output = Printer.run("lpstat", ["-d"], input: nil, directories: [dir.path])
    #expect(output?.status == 0)
    let received = try String(contentsOfFile: record, encoding: .utf8)
    let names = Set(
      received.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
    // sh itself adds PWD (and may add SHLVL, _); nothing else may come from the parent.
    #expect(names.subtracting(["PATH", "LC_ALL", "HOME", "PWD", "SHLVL", "_", "OLDPWD"]).isEmpty, "\(names)")
    #expect(!received.contains("printer-test-secret"))
    #expect(received.contains("PATH=/usr/bin:/bin:/usr/sbin:/sbin"))
  }

  @Test func toolsAreLookedUpInSystemDirectoriesOnly() {
    #expect(Printer.systemDirectories == ["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
    let environment = Printer.childEnvironment(from: [
      "GAIDESK_PASSPHRASE": "x", "GAIDESK_DATA": "/d", "PATH": "/tmp/evil:/usr/bin", "HOME": "/home/ana",
      "LD_PRELOAD": "/tmp/evil.so",
    ])
    #expect(environment == ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C", "HOME": "/home/ana"])
  }
}
