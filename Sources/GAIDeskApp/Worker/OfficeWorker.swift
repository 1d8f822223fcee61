import Foundation
import GAIDesk

/// Owns the office on its own thread: the key loop sends effects and polls answers, so drawing and keys
/// never wait for the disk (a write shows "a guardar…" until its answer arrives). Effects run one at a time
/// in the order sent; journal refreshes run on the same thread, between them. After a warm opening, the
/// history the snapshot cache covered is hashed again on another thread; damage found there reaches the
/// office on this one, and the health report that follows turns the red banner on.
public final class OfficeWorker: @unchecked Sendable {
  private let runtime: AppRuntime
  private let queue = DispatchQueue(label: "gaidesk.office")
  private let lock = NSLock()
  private var answers: [Message] = []
  private var inFlight = 0
  private var refreshing = false

  /// Creates a worker owning `runtime` (nothing else may touch it afterwards).
  public init(runtime: AppRuntime) {
    self.runtime = runtime
    runtime.report = { [weak self] progress in self?.post(progress) }
  }

  /// Performs `effect` as `staff` on the worker's thread; its answer comes back through ``poll()``. A backup
  /// leaves the keys free while it runs (its progress comes back as messages); other effects hold them.
  public func send(_ effect: Effect, staff: String) {
    let holdsKeys = !effect.leavesKeysFree
    if holdsKeys { lock.withLock { inFlight += 1 } }
    queue.async { [self] in
      let answer = runtime.perform(effect, staff: staff)
      let health = answer == nil ? nil : runtime.health()
      lock.withLock {
        if let answer { answers.append(answer) }
        if let health { answers.append(health) }
        if holdsKeys { inFlight -= 1 }
      }
      if case .opened? = answer, let covered = runtime.office?.coveredSegments, !covered.isEmpty {
        checkInBackground(covered)
      }
    }
  }

  /// Hashes what the cache covered off the office's thread, then hands any damage to the office on it.
  private func checkInBackground(_ covered: CoveredSegments) {
    DispatchQueue.global(qos: .utility).async { [self] in
      let found = covered.check()
      guard !found.isEmpty else { return }
      queue.async { [self] in
        runtime.office?.noteCoveredDamage(found)
        let health = runtime.health()
        lock.withLock { if let health { answers.append(health) } }
      }
    }
  }

  /// Adds a progress message, replacing one not yet polled.
  private func post(_ progress: Message) {
    lock.withLock {
      if case .backupProgress = answers.last { answers.removeLast() }
      answers.append(progress)
    }
  }

  /// Reads other processes' appends on the worker's thread (skipped while one refresh is still running).
  public func refresh() {
    let start = lock.withLock { () -> Bool in
      guard !refreshing else { return false }
      refreshing = true
      return true
    }
    guard start else { return }
    queue.async { [self] in
      let answer = runtime.refresh()
      let health = answer == nil ? nil : runtime.health()
      lock.withLock {
        if let answer { answers.append(answer) }
        if let health { answers.append(health) }
        refreshing = false
      }
    }
  }

  /// The answers that arrived since the last call, in order; never waits.
  public func poll() -> [Message] {
    lock.withLock {
      defer { answers.removeAll() }
      return answers
    }
  }

  /// Whether an effect is still being performed.
  public var isBusy: Bool { lock.withLock { inFlight > 0 } }

  /// Waits until every effect sent has been performed (before leaving, so nothing typed is lost).
  public func finish() {
    queue.sync {}
  }
}
