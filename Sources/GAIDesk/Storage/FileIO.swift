import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Low-level file operations with explicit durability: every write is followed by a sync before it counts.
public enum FileIO {
  /// An operating-system failure on a path.
  public struct Failure: Error, Sendable {
    /// What was being done (open, write, sync, rename…).
    public let operation: String
    /// The path involved.
    public let path: String
    /// The errno value.
    public let code: Int32

    /// A short English description of the errno.
    public var reason: String { String(cString: strerror(code)) }
    /// Whether the disk is full.
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
    /// Whether the medium refuses writes (read-only, no permission, full) rather than failing on them.
    public var refusesWrites: Bool { ReadOnlyMedium(self) != nil }
  }

  /// Opens `path` with `flags`, retrying on EINTR.
  public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws -> Int32 {
    while true {
      let fd = path.withCString { Glibc.open($0, flags | O_CLOEXEC, mode) }
      if fd >= 0 { return fd }
      if errno != EINTR { throw Failure(operation: "open", path: path, code: errno) }
    }
  }

  /// Writes all of `bytes` at the current position, or throws.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    if let code = FaultInjector.shared.check(.write, path: path) {
      throw Failure(operation: "write", path: path, code: code)
    }
    var done = 0
    while done < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(operation: "write", path: path, code: errno)
      }
      done += n
    }
  }

  /// Writes all of `bytes` at file offset `offset` (pwrite: the position is neither used nor moved), or throws.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String)
    throws
  {
    if let code = FaultInjector.shared.check(.write, path: path) {
      throw Failure(operation: "write", path: path, code: code)
    }
    var done = 0
    while done < bytes.count {
      let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(operation: "write", path: path, code: errno)
      }
      done += n
    }
  }

  /// Flushes a file's data to the disk (fdatasync).
  public static func syncData(_ fd: Int32, path: String) throws {
    if let code = FaultInjector.shared.check(.sync, path: path) {
      throw Failure(operation: "sync", path: path, code: code)
    }
    if fdatasync(fd) != 0 { throw Failure(operation: "sync", path: path, code: errno) }
  }

  /// Flushes a directory so that a rename or a new file in it survives a power cut.
  public static func syncDirectory(_ path: String) throws {
    let fd = try open(path, O_RDONLY | O_DIRECTORY)
    defer { close(fd) }
    if let code = FaultInjector.shared.check(.sync, path: path) {
      throw Failure(operation: "sync", path: path, code: code)
    }
    if fsync(fd) != 0 { throw Failure(operation: "sync", path: path, code: errno) }
  }

  /// Writes `bytes` to `path` durably: a temporary file, synced, renamed over `path`, directory synced.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    try writeAtomically(to: path) { fd, temporary in
      try bytes.withUnsafeBytes { try writeAll(fd, $0, path: temporary) }
    }
  }

  /// Writes `path` durably as `writeAtomically(_:to:)` does, the content streamed by `write` (given the
  /// temporary file's descriptor and path) instead of held whole in memory.
  public static func writeAtomically(to path: String, _ write: (Int32, String) throws -> Void) throws {
    let temporary = path + ".tmp-\(getpid())"
    let fd = try open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
    do {
      try write(fd, temporary)
      try syncData(fd, path: temporary)
      close(fd)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    guard Glibc.rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure(operation: "rename", path: path, code: code)
    }
    try syncDirectory((path as NSString).deletingLastPathComponent)
  }

  /// Reads the bytes of `path` from `offset` to its end, or at most `limit` of them; refuses anything but a
  /// regular file (a FIFO or a device would be read forever).
  public static func read(_ path: String, from offset: Int = 0, limit: Int = .max) throws -> [UInt8] {
    // Read into uninitialised memory: zeroing the bytes first would write them twice (segments are 4 MiB).
    try read(path, from: offset, limit: limit) { count in
      [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
  }

  /// Reads as ``read(_:from:limit:)`` into the array `buffer(count)` gives for the `count` bytes expected
  /// (a reused one: its bytes are overwritten), shortened to the bytes read.
  static func read(_ path: String, from offset: Int = 0, limit: Int = .max, into buffer: (Int) -> [UInt8])
    throws -> [UInt8]
  {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    let fd = try open(path, O_RDONLY | O_NONBLOCK)
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(operation: "stat", path: path, code: errno) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw GAIDeskError(.fileNotRegular, path) }
    let count = min(limit, max(0, Int(info.st_size) - offset))
    var bytes = buffer(count)
    let done = try bytes.withUnsafeMutableBytes { bytes in
      var done = 0
      while done < count {
        let n = pread(fd, bytes.baseAddress! + done, count - done, off_t(offset + done))
        if n < 0 {
          if errno == EINTR { continue }
          throw Failure(operation: "read", path: path, code: errno)
        }
        if n == 0 { break }
        done += n
      }
      return done
    }
    bytes.removeLast(count - done)
    return bytes
  }

  /// What one `stat` of a path says: its size, whether it is a regular file, and which file it is.
  public struct Status: Sendable {
    /// The size in bytes.
    public var size: Int
    /// Whether it is a regular file (not a FIFO, device or folder, which a reader could block on).
    public var isRegularFile: Bool
    /// The device holding it.
    public var device: UInt64
    /// Its inode on that device.
    public var inode: UInt64
  }

  /// What `path` is (one `stat`, following links), or nil when it does not exist or cannot be read.
  public static func status(_ path: String) -> Status? {
    guard let info = information(path) else { return nil }
    return Status(
      size: Int(info.st_size), isRegularFile: info.st_mode & S_IFMT == S_IFREG, device: UInt64(info.st_dev),
      inode: UInt64(info.st_ino))
  }

  /// What the open file `fd` is (one `fstat`: no path to walk), or nil when it cannot be read.
  static func status(descriptor fd: Int32) -> Status? {
    information(descriptor: fd).map {
      Status(
        size: Int($0.st_size), isRegularFile: $0.st_mode & S_IFMT == S_IFREG, device: UInt64($0.st_dev),
        inode: UInt64($0.st_ino))
    }
  }

  /// What `stat` says of `path`, nil when it fails; the file layer's stat (a watched folder counts it).
  static func information(_ path: String) -> stat? {
    _ = FaultInjector.shared.check(.stat, path: path)
    var info = stat()
    // `withCString` hands a native string's own bytes; passing the `String` itself would copy them into a
    // new array at every call.
    return path.withCString { stat($0, &info) } == 0 ? info : nil
  }

  /// What `fstat` says of the open file `fd`, nil when it fails.
  static func information(descriptor fd: Int32) -> stat? {
    var info = stat()
    return fstat(fd, &info) == 0 ? info : nil
  }

  /// The size of `path` in bytes, or nil when it does not exist.
  public static func size(_ path: String) -> Int? {
    information(path).map { Int($0.st_size) }
  }

  /// Renames `path` to `target` (same file system, atomic).
  public static func rename(_ path: String, to target: String) throws {
    guard Glibc.rename(path, target) == 0 else { throw Failure(operation: "rename", path: path, code: errno) }
  }

  /// Whether `path` is a regular file (not a FIFO, device or folder, which a reader could block on).
  public static func isRegularFile(_ path: String) -> Bool {
    status(path)?.isRegularFile == true
  }

  /// Creates a directory (and its parents) with owner-only permissions.
  public static func makeDirectory(_ path: String) throws {
    var info = stat()
    if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { try makeDirectory(parent) }
    // The real errno (a read-only file system, no permission, a full disk) tells the caller what to say.
    guard Glibc.mkdir(path, 0o700) == 0 else {
      let code = errno
      if code == EEXIST && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
      throw Failure(operation: "mkdir", path: path, code: code)
    }
  }
}
