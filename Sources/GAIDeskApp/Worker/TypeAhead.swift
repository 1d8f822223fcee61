import TerminalUI

/// Keys typed while the office is busy, held in the order typed until it is free again: none is lost and none
/// overtakes one typed before it. The panic keys never wait.
public struct TypeAhead: Sendable {
  private var held: [KeyEvent] = []

  /// An empty queue.
  public init() {}

  /// Whether keys are waiting for the office.
  public var isEmpty: Bool { held.isEmpty }

  /// `key` when it may be applied now, else nil: it waits while the office is `busy` or keys typed before it
  /// still wait (the office may have turned free after the loop last let them out).
  public mutating func admit(_ key: KeyEvent, busy: Bool) -> KeyEvent? {
    guard busy || !held.isEmpty, !AppModel.panicKeys.contains(key) else { return key }
    held.append(key)
    return nil
  }

  /// The oldest waiting key once the office is free, else nil.
  public mutating func release(busy: Bool) -> KeyEvent? {
    guard !busy, !held.isEmpty else { return nil }
    return held.removeFirst()
  }
}
