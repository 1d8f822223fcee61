import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The queue says how many tickets lie beyond the rows it shows, and Enter does what its key says ("Servir")
/// or says why not: on a finished ticket it no longer opens the profile, where typing ahead edited a name.
@Suite("Queue: what lies beyond, and Enter on a finished ticket")
struct QueueBeyondTests {
  /// The fixture's queue with `extra` more visitors waiting.
  static func longQueue(extra: Int) -> AppModel {
    var model = Fixture.model()
    var state = Fixture.state()
    for n in 0..<extra {
      let id = "W-\(n)"
      var visitor = Visitor(id: id, fullName: "Visitante \(n)")
      visitor.consentToStore = Consent(granted: true, date: Fixture.today, recordedBy: "Ana")
      state.apply(
        EventBatch(
          staff: "Ana", office: "praia",
          events: [
            .visitorRegistered(visitor),
            .visitArrived(visitID: "X-\(n)", visitorID: id, day: Fixture.today, number: 10 + n),
          ]), time: Fixture.at(minutesAgo: 10, counter: UInt16(200 + n)))
    }
    _ = model.update(.changed(state))
    return model
  }

  @Test("at 80×24 a queue longer than the box says how many tickets lie below, then above")
  func saysWhatIsBelow() {
    var model = Self.longQueue(extra: 30)
    let lines = model.view().grid.lines
    let shown = lines.filter { $0.contains("A-0") }.count
    #expect(shown > 5)
    let total = model.todaysVisits.count
    #expect(
      lines.contains { $0.contains(model.tr("queue.moreBelow", String(total - shown))) },
      "\(lines.joined(separator: "\n"))")
    Fixture.press(&model, [.end])
    #expect(model.view().grid.lines.contains { $0.contains("↑") })
  }

  @Test("a queue that fits says nothing more")
  func fitsSaysNothing() {
    let model = Fixture.model()
    #expect(!model.view().grid.lines.contains { $0.contains("↓") })
  }

  @Test("Enter on a finished ticket stays on the queue and says what to do")
  func enterOnFinished() throws {
    var model = Fixture.model()
    let rows = QueueScreen.rows(model)
    let done = try #require(rows.firstIndex { $0.status == .done })
    Fixture.press(&model, Array(repeating: .down, count: done))
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    #expect(model.queueScreen != nil && model.current(ProfileScreen.self) == nil)
    let text = model.view().grid.lines.joined(separator: " ")
    #expect(text.contains(rows[done].ticket), "\(text)")
  }
}
