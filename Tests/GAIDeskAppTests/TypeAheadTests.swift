import TerminalUI
import Testing

@testable import GAIDeskApp

/// Keys typed while a write is in flight reach the screen in the order typed.
@Suite("Type-ahead")
struct TypeAheadTests {
  /// Runs the key loop's steps: each entry is a key typed with the office busy or not, then the loop lets
  /// out what it may; returns the keys in the order the model would get them.
  static func applied(_ typing: [(key: Character, busy: Bool, freeAfter: Bool)]) -> [Character] {
    var queue = TypeAhead()
    var out: [Character] = []
    for step in typing {
      if let key = queue.admit(.character(step.key), busy: step.busy), case .character(let c) = key {
        out.append(c)
      }
      while let key = queue.release(busy: !step.freeAfter), case .character(let c) = key { out.append(c) }
    }
    return out
  }

  @Test("a key typed the moment the office turns free does not overtake the keys held before it")
  func noOvertaking() {
    // "1" and "2" arrive during a save; the save ends before the loop lets them out, and "3" arrives next.
    let typing: [(key: Character, busy: Bool, freeAfter: Bool)] = [
      ("1", true, false), ("2", true, false), ("3", false, true), ("4", false, true),
    ]
    #expect(Self.applied(typing) == ["1", "2", "3", "4"])
  }

  @Test("nothing waits while the office is free, and everything typed during a save comes out after it")
  func heldThenReleased() {
    var queue = TypeAhead()
    #expect(queue.admit(.character("a"), busy: false) == .character("a"))
    #expect(queue.admit(.character("b"), busy: true) == nil)
    #expect(queue.admit(.tab, busy: true) == nil)
    #expect(queue.release(busy: true) == nil)
    #expect(queue.release(busy: false) == .character("b"))
    #expect(queue.release(busy: false) == .tab)
    #expect(queue.release(busy: false) == nil)
    #expect(queue.isEmpty)
  }

  @Test("the panic key locks at once, even with keys waiting")
  func panicKeyFirst() {
    var queue = TypeAhead()
    _ = queue.admit(.character("x"), busy: true)
    #expect(queue.admit(.function(12), busy: true) == .function(12))
    #expect(queue.admit(.control("l"), busy: false) == .control("l"))
    #expect(queue.release(busy: false) == .character("x"))
  }
}
