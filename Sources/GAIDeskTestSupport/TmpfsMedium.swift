import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A real medium a test can make read-only: a tmpfs mounted on `medium`, inside a fresh scratch folder
/// `base` that also holds what must stay writable (this user's state folder). Tests run as root, so a
/// folder's permission bits would not stop a write: only a read-only mount does.
public struct TmpfsMedium: Sendable {
  /// The scratch folder around the medium (for the state folder and anything else kept off the medium).
  public let base: String
  /// Where the tmpfs is mounted.
  public let medium: String

  /// Remounts the medium read-only; false (with errno set) when the kernel refuses. EBUSY (a file open for
  /// writing on it; seen once under a full suite's load, its holder not found) is retried for two seconds.
  public func remountReadOnly() -> Bool {
    for _ in 0..<40 {
      if mount("tmpfs", medium, "tmpfs", 32 /* MS_REMOUNT */ | 1 /* MS_RDONLY */, nil) == 0 { return true }
      guard errno == EBUSY else { return false }
      usleep(50_000)
    }
    return false
  }

  /// Every file and folder on the medium with its bytes (to show that a read-only medium never changed).
  public func contents() -> [String: Data?] {
    var entries: [String: Data?] = [:]
    let enumerator = FileManager.default.enumerator(atPath: medium)
    while let relative = enumerator?.nextObject() as? String {
      entries[relative] = .some(FileManager.default.contents(atPath: medium + "/" + relative))
    }
    return entries
  }
}

/// Runs `body` with a fresh tmpfs of `megabytes` MiB (mode 0700) mounted in a scratch folder named after
/// `purpose`, then detaches it and removes the folder. Mounting needs root: as another user, or where the
/// kernel refuses the mount, it prints why the test is skipped and `body` does not run.
public func withTmpfsMedium(
  _ purpose: String, megabytes: Int = 8, _ body: (TmpfsMedium) throws -> Void
) throws {
  guard getuid() == 0 else {
    print("[read-only] skipped: mounting a read-only file system needs root (uid \(getuid()))")
    return
  }
  let base = TemporaryFolder.make(purpose)
  defer { TemporaryFolder.remove(base) }
  let medium = base + "/medium"
  try FileManager.default.createDirectory(atPath: medium, withIntermediateDirectories: true)
  guard "size=\(megabytes)m,mode=0700".withCString({ mount("tmpfs", medium, "tmpfs", 0, $0) }) == 0 else {
    print("[read-only] skipped: cannot mount a tmpfs here (errno \(errno))")
    return
  }
  defer { umount2(medium, 2 /* MNT_DETACH */) }
  try body(TmpfsMedium(base: base, medium: medium))
}
