#if canImport(Glibc)
  import Glibc
#endif

/// Whether a folder's entries may have changed since it was last listed, from one `stat` instead of a
/// listing: adding, removing or renaming an entry changes the folder's modification and change times (and its
/// link count when the entry is a folder). Every refresh and every append read the journal first, so the
/// listings they skip are most of their system calls when nothing changed.
///
/// Equal stamps are trusted only when the listing was taken after the folder's modification time had
/// settled (a change in the same tick of the file system's clock would keep the same time), and for at most
/// ``maxAge``: a change a file system's stamps do not show (coarse or remote clocks) is seen that much later,
/// as if it had been made then.
struct FolderWatch {
  /// What `stat` said of a folder.
  struct Stamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var links: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    static func == (lhs: Stamp, rhs: Stamp) -> Bool {
      lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.links == rhs.links && lhs.size == rhs.size
        && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }

    /// The stamp of `path`, nil when it cannot be read.
    init?(_ path: String) {
      guard let info = FileIO.information(path) else { return nil }
      self.init(info)
    }

    /// The stamp of what `stat` or `fstat` said.
    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      links = UInt64(info.st_nlink)
      size = Int64(info.st_size)
      modified = info.st_mtim
      changed = info.st_ctim
    }
  }

  /// How long a listing of an unchanged folder is trusted.
  static let maxAge: Int64 = 1_000_000_000
  /// How long before a listing the folder's last change must have been for its stamp to be trusted.
  static let settle: Int64 = 100_000_000

  /// The stamp taken just before the last listing, nil when it is not to be trusted.
  private var trusted: Stamp?
  /// When that listing was taken (monotonic clock, nanoseconds).
  private var listedAt: Int64 = 0
  /// How many times the folder had to be listed.
  private(set) var listings = 0
  /// The device and inode of the folder at the last check, nil when it could not be read.
  private(set) var identity: (device: UInt64, inode: UInt64)?

  /// Whether `path` must be listed now; when it must, the caller lists it at once (the stamp is taken before,
  /// so a change made during the listing shows at the next check). `now` gives the monotonic and real-time
  /// clocks in nanoseconds (a test seam).
  mutating func needsListing(_ path: String, now: (monotonic: Int64, real: Int64) = FolderWatch.clocks())
    -> Bool
  {
    needsListing(stamp: Stamp(path), now: now)
  }

  /// Whether the folder open as `fd` must be listed now (one `fstat`, no path to walk): as
  /// ``needsListing(_:now:)`` for a folder whose name the caller knows still leads to `fd`.
  mutating func needsListing(descriptor fd: Int32) -> Bool {
    needsListing(stamp: FileIO.information(descriptor: fd).map(Stamp.init), now: FolderWatch.clocks())
  }

  private mutating func needsListing(stamp: Stamp?, now: (monotonic: Int64, real: Int64)) -> Bool {
    identity = stamp.map { ($0.device, $0.inode) }
    if let stamp, stamp == trusted, now.monotonic - listedAt < FolderWatch.maxAge { return false }
    listings += 1
    listedAt = now.monotonic
    // A time far ahead of the clock (a folder copied from a PC set ahead) is as settled as one far behind.
    trusted = stamp.map { FolderWatch.settled($0.modified, now: now.real) } == true ? stamp : nil
    return true
  }

  /// Whether `time` is at least ``settle`` away from `now` (nanoseconds), either way; a time whose nanoseconds
  /// do not fit in 64 bits (past 2262 or before 1678) is far from any clock.
  static func settled(_ time: timespec, now: Int64) -> Bool {
    let (seconds, far) = Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
    let (nanoseconds, farther) = seconds.addingReportingOverflow(Int64(time.tv_nsec))
    let (distance, farthest) = now.subtractingReportingOverflow(nanoseconds)
    return far || farther || farthest || distance.magnitude >= FolderWatch.settle.magnitude
  }

  /// The monotonic and real-time clocks, in nanoseconds.
  static func clocks() -> (monotonic: Int64, real: Int64) {
    var monotonic = timespec()
    var real = timespec()
    clock_gettime(CLOCK_MONOTONIC, &monotonic)
    clock_gettime(CLOCK_REALTIME, &real)
    return (
      Int64(monotonic.tv_sec) * 1_000_000_000 + Int64(monotonic.tv_nsec),
      Int64(real.tv_sec) * 1_000_000_000 + Int64(real.tv_nsec)
    )
  }
}
