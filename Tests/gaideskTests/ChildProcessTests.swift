import Foundation
import ProcessTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a test's child process inherits.
@Suite struct ChildProcessTests {
  /// A file the test process holds open (without close-on-exec, as Foundation's copy opens one) is not open
  /// in a child started meanwhile: a copy about to be remounted read-only is not kept busy by it.
  @Test func aChildHoldsNoFileOfTheTestOpen() throws {
    let folder = TemporaryFolder.make("child-fds")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fd = open(folder + "/held", O_WRONLY | O_CREAT, 0o600)
    #expect(fd > 2)
    defer { close(fd) }
    let status = try ChildProcess.run(["/bin/sh", "-c", "test -e /proc/$$/fd/\(fd)"])
    #expect(status == 1, "the child still held file descriptor \(fd)")
  }
}
