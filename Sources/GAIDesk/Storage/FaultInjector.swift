import Foundation
import Synchronization

/// A test seam in the file layer: makes the Nth write or sync under a folder fail, once or from then on, and
/// records the writes, syncs and path stats made under a watched folder (so a test counts the syncs and the
/// stats of one append).
/// Scoped to a folder, so tests running at the same time in other folders are not touched.
@_spi(Testing) public final class FaultInjector: @unchecked Sendable {
  /// The operations seen: writes and syncs can be made to fail; stats (of a path, by the file layer) are
  /// only recorded.
  public enum Operation: Sendable { case write, sync, stat }

  /// The injector the file layer consults.
  public static let shared = FaultInjector()

  private let lock = NSLock()
  /// Whether any failure is planned or any folder watched: when not, `check` returns without the lock (it
  /// runs at every write, sync and stat of the append path).
  private let active = Atomic<Bool>(false)
  private var plans: [Operation: (at: Int, persistent: Bool, errno: Int32, under: String)] = [:]
  private var counts: [Operation: Int] = [:]
  /// Per watched folder (ending in `/`), the operations seen under it, in order.
  private var watched: [String: [(operation: Operation, path: String)]] = [:]

  /// Makes the `at`-th next `operation` on a file under `folder` fail with `errno` (once, or every time
  /// after when `persistent`).
  public func fail(
    _ operation: Operation, at: Int, persistent: Bool = false, errno: Int32 = EIO, under folder: String
  ) {
    lock.withLock {
      plans[operation] = (at, persistent, errno, folder.hasSuffix("/") ? folder : folder + "/")
      counts[operation] = 0
      active.store(true, ordering: .sequentiallyConsistent)
    }
  }

  /// Removes every planned failure.
  public func reset() {
    lock.withLock {
      plans = [:]
      counts = [:]
      active.store(!watched.isEmpty, ordering: .sequentiallyConsistent)
    }
  }

  /// Starts recording every write, sync and stat the file layer makes on a file under `folder` (again from none).
  public func watch(_ folder: String) {
    lock.withLock {
      watched[folder.hasSuffix("/") ? folder : folder + "/"] = []
      active.store(true, ordering: .sequentiallyConsistent)
    }
  }

  /// The writes, syncs and stats made under `folder` since `watch(folder)`, in order; stops recording them.
  public func stopWatching(_ folder: String) -> [(operation: Operation, path: String)] {
    lock.withLock {
      let seen = watched.removeValue(forKey: folder.hasSuffix("/") ? folder : folder + "/") ?? []
      active.store(!watched.isEmpty || !plans.isEmpty, ordering: .sequentiallyConsistent)
      return seen
    }
  }

  /// The errno to fail `operation` on `path` with now, or nil to let it run.
  func check(_ operation: Operation, path: String) -> Int32? {
    guard active.load(ordering: .sequentiallyConsistent) else { return nil }
    return lock.withLock {
      for folder in watched.keys where path.hasPrefix(folder) { watched[folder]!.append((operation, path)) }
      guard operation != .stat, let plan = plans[operation], path.hasPrefix(plan.under) else { return nil }
      let count = (counts[operation] ?? 0) + 1
      counts[operation] = count
      if count == plan.at || (plan.persistent && count > plan.at) { return plan.errno }
      return nil
    }
  }
}
