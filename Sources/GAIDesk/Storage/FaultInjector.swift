import Foundation

/// A test seam in the file layer: makes the Nth write or sync under a folder fail, once or from then on.
/// Scoped to a folder, so tests running at the same time in other folders are not touched.
@_spi(Testing) public final class FaultInjector: @unchecked Sendable {
  /// The operations that can be made to fail.
  public enum Operation: Sendable { case write, sync }

  /// The injector the file layer consults.
  public static let shared = FaultInjector()

  private let lock = NSLock()
  private var plans: [Operation: (at: Int, persistent: Bool, errno: Int32, under: String)] = [:]
  private var counts: [Operation: Int] = [:]

  /// Makes the `at`-th next `operation` on a file under `folder` fail with `errno` (once, or every time
  /// after when `persistent`).
  public func fail(
    _ operation: Operation, at: Int, persistent: Bool = false, errno: Int32 = EIO, under folder: String
  ) {
    lock.withLock {
      plans[operation] = (at, persistent, errno, folder.hasSuffix("/") ? folder : folder + "/")
      counts[operation] = 0
    }
  }

  /// Removes every planned failure.
  public func reset() {
    lock.withLock {
      plans = [:]
      counts = [:]
    }
  }

  /// The errno to fail `operation` on `path` with now, or nil to let it run.
  func check(_ operation: Operation, path: String) -> Int32? {
    lock.withLock {
      guard let plan = plans[operation], path.hasPrefix(plan.under) else { return nil }
      let count = (counts[operation] ?? 0) + 1
      counts[operation] = count
      if count == plan.at || (plan.persistent && count > plan.at) { return plan.errno }
      return nil
    }
  }
}
