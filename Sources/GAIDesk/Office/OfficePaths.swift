import Foundation

/// The files of an office's data directory.
public struct OfficePaths: Sendable {
  /// The data directory.
  public let root: String

  /// Paths under `root`.
  public init(root: String) { self.root = root }

  /// The data directory from `--data`, else `$GAIDESK_DATA`, else `$XDG_DATA_HOME/gaidesk`
  /// (`~/.local/share/gaidesk`).
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> OfficePaths
  {
    if let explicit, !explicit.isEmpty { return OfficePaths(root: absolute(explicit)) }
    if let data = environment["GAIDESK_DATA"], !data.isEmpty { return OfficePaths(root: absolute(data)) }
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return OfficePaths(root: absolute(base) + "/gaidesk")
  }

  /// `path` from the root, against the current folder when it is relative.
  static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }

  /// The office identity file (plain JSON, no personal data).
  public var officeFile: String { root + "/office.json" }
  /// The folder of key slots.
  public var keys: String { root + "/keys" }
  /// The journal folder (one sub-folder per origin).
  public var journal: String { root + "/journal" }
  /// The derived, rebuildable cache folder.
  public var cache: String { root + "/cache" }
  /// The sealed state snapshot.
  public var snapshot: String { cache + "/state.bin" }
  /// Local settings (default staff name, language).
  public var settings: String { root + "/settings.json" }

  /// Whether an office exists here.
  public var exists: Bool { FileManager.default.fileExists(atPath: officeFile) }
}
