import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The queue's summary line counts tickets as the supervisor's day does (one rule, in the core).
@Suite("Queue summary")
struct QueueSummaryTests {
  @Test("the queue's counts are the day report's")
  func countsAreTheDayReports() {
    let model = Fixture.model(width: 120, height: 40)
    let report = DayReport(state: model.state, day: Fixture.today, office: "praia")
    let expected = model.tr(
      "queue.summary", String(report.waiting), String(report.beingServed), String(report.served),
      String(report.left))
    #expect(model.view().grid.lines[1].contains(expected), "\(model.view().grid.lines[1])")
  }
}
