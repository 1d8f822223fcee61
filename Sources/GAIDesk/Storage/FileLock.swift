#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock on a file, held only for the duration of an append.
public final class FileLock {
  private let fd: Int32
  private let path: String

  /// Opens (creating if needed) the lock file at `path`.
  public init(path: String) throws {
    self.path = path
    fd = try FileIO.open(path, O_RDWR | O_CREAT)
  }

  deinit { close(fd) }

  /// Runs `body` while holding the exclusive lock, waiting for other processes to release it.
  public func withExclusive<T>(_ body: () throws -> T) throws -> T {
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { throw FileIO.Failure(operation: "lock", path: path, code: errno) }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }
}
