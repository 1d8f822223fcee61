import Foundation

/// A test seam in the file layer: makes the Nth write or sync fail, once or from then on.
public final class FaultInjector: @unchecked Sendable {
  /// The operations that can be made to fail.
  public enum Operation: Sendable { case write, sync }

  /// The injector the file layer consults.
  public static let shared = FaultInjector()

  private let lock = NSLock()
  private var plans: [Operation: (at: Int, persistent: Bool, errno: Int32)] = [:]
  private var counts: [Operation: Int] = [:]

  /// Makes the `at`-th next `operation` fail with `errno` (once, or every time after when `persistent`).
  public func fail(_ operation: Operation, at: Int, persistent: Bool = false, errno: Int32 = EIO) {
    lock.withLock {
      plans[operation] = (at, persistent, errno)
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

  /// The errno to fail `operation` with now, or nil to let it run.
  func check(_ operation: Operation) -> Int32? {
    lock.withLock {
      guard let plan = plans[operation] else { return nil }
      let count = (counts[operation] ?? 0) + 1
      counts[operation] = count
      if count == plan.at || (plan.persistent && count > plan.at) { return plan.errno }
      return nil
    }
  }
}
