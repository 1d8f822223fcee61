#if canImport(Glibc)
  import Glibc
#endif

/// Why an office opened read-only although nothing is damaged: its medium refuses writes (a mounted backup
/// or a write-protected stick, a folder without write permission, a full disk with a torn tail to repair).
/// Everything is read and shown; every write is refused with ``error`` and nothing on the medium changes.
public struct ReadOnlyMedium: Equatable, Sendable {
  /// What refuses writes.
  public enum Cause: String, Sendable {
    /// A read-only file system (a mounted backup, a write-protected stick): `EROFS`.
    case readOnlyFileSystem = "read-only-file-system"
    /// No write permission on the folder or its files: `EACCES`, `EPERM`.
    case noPermission = "no-permission"
    /// The disk is full: `ENOSPC`, `EDQUOT`.
    case diskFull = "disk-full"
  }

  /// What refuses writes.
  public let cause: Cause
  /// The file or folder that refused.
  public let path: String

  /// The medium's refusal behind `failure`, nil for a failure that is not a refusal (an I/O error); `path`
  /// names the place for a person (the data folder rather than a lock file it could not create).
  public init?(_ failure: FileIO.Failure, path: String? = nil) {
    switch failure.code {
    case EROFS: cause = .readOnlyFileSystem
    case EACCES, EPERM: cause = .noPermission
    case ENOSPC, EDQUOT: cause = .diskFull
    default: return nil
    }
    self.path = path ?? failure.path
  }

  /// A refusal of `cause` named by `path`.
  init(cause: Cause, path: String) {
    self.cause = cause
    self.path = path
  }

  /// The error a write meets on this medium.
  public var error: GAIDeskError {
    switch cause {
    case .readOnlyFileSystem: GAIDeskError(.mediumReadOnly, path)
    case .noPermission: GAIDeskError(.mediumPermission, path)
    case .diskFull: GAIDeskError(.diskFull, path)
    }
  }
}
