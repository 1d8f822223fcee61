import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// Where every test's temporary folders are made: a fresh, private folder under the system's temporary
/// folder, named after what it is for.
public enum TemporaryFolder {
  /// Makes a new empty folder `gaidesk-<purpose>-XXXXXX` (mode 0700) and returns its path.
  public static func make(_ purpose: String) -> String {
    let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
    var template = Array((base + "gaidesk-\(purpose)-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed: errno \(errno)")
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// Removes `path` and everything in it (ignoring a folder already gone).
  public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}

/// A temporary data folder, removed (with its device marks beside it) when the value is released.
public final class TemporaryDirectory: Sendable {
  /// The folder.
  public let path: String

  /// A new empty folder.
  public init(_ purpose: String = "test") { path = TemporaryFolder.make(purpose) }

  /// This test's device marks, outside the data folder as on a real machine.
  public var marks: DeviceMarks { DeviceMarks(folder: path + ".state") }

  deinit {
    for suffix in ["", ".state", ".other-pc"] { TemporaryFolder.remove(path + suffix) }
  }
}

/// A fresh temporary folder that the test removes itself with `remove()` (for folders handed to child
/// processes that outlive a scope).
public struct Scratch: Sendable {
  /// The folder.
  public let path: String

  /// A new empty folder named after `name`.
  public init(_ name: String) { path = TemporaryFolder.make(name) }

  /// Removes the folder and everything in it.
  public func remove() { TemporaryFolder.remove(path) }
}
