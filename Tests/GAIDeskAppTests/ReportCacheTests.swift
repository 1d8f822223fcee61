import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The supervisor's tabs draw reports computed once per state, never a report of another state.
@Suite("Reports drawn from the cache")
struct ReportCacheTests {
  /// The day tab's "tickets issued" line.
  func issuedLine(_ model: AppModel) -> String? {
    model.view().grid.lines.first { $0.contains("Senhas emitidas") }
  }

  @Test("a new state is drawn with its own figures; a copy keeps drawing its own")
  func newStateNewFigures() throws {
    var model = Fixture.model(width: 120, height: 40)
    Fixture.press(&model, [.character("s")])
    let before = try #require(issuedLine(model))
    #expect(before.contains(" 5 "), "\(before)")
    let earlier = model
    var state = model.state
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [.visitArrived(visitID: "T-6", visitorID: "V-3", day: Fixture.today, number: 6)]),
      time: Fixture.at(minutesAgo: 1, counter: 70))
    model.setState(state)
    #expect(try #require(issuedLine(model)).contains(" 6 "), "the day tab counts the new ticket")
    #expect(try #require(issuedLine(earlier)).contains(" 5 "), "the copy made before still draws its state")
    #expect(
      model.reports.day(model.state, day: Fixture.today, office: "praia")
        == DayReport(state: model.state, day: Fixture.today, office: "praia"))
  }

  @Test("the referrals and follow-ups tabs list a new state's entries, sorted once per state")
  func newStateNewLists() throws {
    var model = Fixture.model(width: 120, height: 40)
    Fixture.press(&model, [.character("s"), .tab])
    let count = ReferralsBoard.rows(model).count
    var state = model.state
    state.apply(
      EventBatch(
        staff: "Ana", office: "praia",
        events: [
          .referralCreated(
            referralID: "R-9", visitorID: "V-3", partner: "def", topic: "residence.renewal",
            due: "2026-03-02",
            note: nil, visitID: nil),
          .followUpAdded(followUpID: "F-9", visitorID: "V-3", on: "2026-03-11", note: "Ligar ao Xiaoming"),
        ]),
      time: Fixture.at(minutesAgo: 1, counter: 71))
    let earlier = model
    model.setState(state)
    #expect(ReferralsBoard.rows(model).count == count + 1)
    #expect(ReferralsBoard.rows(earlier).count == count)
    #expect(model.view().grid.lines.contains { $0.contains("王小明") }, "the new referral is on the board")
    #expect(!earlier.view().grid.lines.contains { $0.contains("王小明") })
    Fixture.press(&model, [.tab])
    #expect(model.view().grid.lines.contains { $0.contains("Ligar ao Xiaoming") })
    #expect(FollowUpsBoard.rows(model).map(\.id).contains("F-9"))
  }
}
